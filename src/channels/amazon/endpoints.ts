import type { AmazonConfig } from '../../config/schema.js';
import { InputError } from '../../errors.js';

type Region = AmazonConfig['region'];

/**
 * SP-API hosts per region. Source: Amazon "SP-API endpoints"
 * (https://developer-docs.amazon.com/sp-api/docs/sp-api-endpoints), as summarised in
 * shared/reference/amazon-sp-api.md §2.
 */
const PRODUCTION: Record<Region, string> = {
  na: 'https://sellingpartnerapi-na.amazon.com',
  eu: 'https://sellingpartnerapi-eu.amazon.com',
  fe: 'https://sellingpartnerapi-fe.amazon.com',
};
const SANDBOX: Record<Region, string> = {
  na: 'https://sandbox.sellingpartnerapi-na.amazon.com',
  eu: 'https://sandbox.sellingpartnerapi-eu.amazon.com',
  fe: 'https://sandbox.sellingpartnerapi-fe.amazon.com',
};

/** Login with Amazon serves every region from one host (reference §1). */
const LWA_TOKEN_ENDPOINT = 'https://api.amazon.com/auth/o2/token';

/**
 * Where Amazon's pre-signed feed-document URLs point: the "tortuga" S3 buckets of each region
 * (the URLs createFeedDocument/getFeedDocument return in production), and the CloudFront host
 * of the static sandbox (`x-amzn-api-sandbox` examples in feeds_2021-06-30.json). A document
 * URL on any other origin is refused before the upload or download.
 */
const DOCUMENT_ORIGINS: Record<Region, string> = {
  na: 'https://tortuga-prod-na.s3-external-1.amazonaws.com',
  eu: 'https://tortuga-prod-eu.s3-eu-west-1.amazonaws.com',
  fe: 'https://tortuga-prod-fe.s3-us-west-2.amazonaws.com',
};
const SANDBOX_DOCUMENT_ORIGIN = 'https://d34o8swod1owfl.cloudfront.net';

/** The hosts one Amazon channel may talk to, resolved once from its config. */
export interface AmazonEndpoints {
  /** SP-API base URL; may carry a path prefix (the simulator's `/amazon`). */
  endpoint: string;
  tokenEndpoint: string;
  /** Origins a feed document may be uploaded to or downloaded from. */
  documentOrigins: string[];
}

/** Every SP-API host Amazon runs (production and sandbox of each region). */
function isAmazonHost(origin: string | undefined): boolean {
  return origin !== undefined && [...Object.values(PRODUCTION), ...Object.values(SANDBOX)].includes(origin);
}

/**
 * Resolves region + environment + overrides into endpoints. `simulator` needs an explicit
 * `endpoint` (the simulator's port is chosen at start); its token endpoint then defaults to
 * `<endpoint>/auth/o2/token`, where the built-in simulator serves it. Any other endpoint that is
 * not Amazon's needs an explicit `tokenEndpoint`: every request of a run must go to a configured
 * host (cli-contract.md), so the token is never fetched from api.amazon.com behind its back.
 */
export function resolveEndpoints(config: AmazonConfig): AmazonEndpoints {
  let endpoint = config.endpoint;
  if (!endpoint) {
    if (config.environment === 'simulator') {
      throw new InputError(
        'amazon: environment "simulator" needs channels.amazon.endpoint (start it with `civetta simulator` and copy its amazon endpoint)',
      );
    }
    endpoint = config.environment === 'sandbox' ? SANDBOX[config.region] : PRODUCTION[config.region];
  }
  endpoint = endpoint.replace(/\/+$/, '');
  let tokenEndpoint = config.tokenEndpoint;
  if (!tokenEndpoint) {
    if (config.environment === 'simulator') tokenEndpoint = `${endpoint}/auth/o2/token`;
    else if (isAmazonHost(originOf(endpoint))) tokenEndpoint = LWA_TOKEN_ENDPOINT;
    else {
      throw new InputError(
        `amazon: channels.amazon.endpoint points to ${originOf(endpoint) ?? endpoint}, which is not Amazon's: ` +
          'set channels.amazon.tokenEndpoint too (civetta sends no request to a host the config does not name)',
      );
    }
  }
  return { endpoint, tokenEndpoint, documentOrigins: documentOrigins(config, endpoint) };
}

/**
 * Amazon's document buckets are allowed only beside Amazon's own SP-API host for the region:
 * an overridden endpoint (a proxy, the simulator, a test server) serves its own documents, and
 * no request may go to a host the config did not name.
 */
function documentOrigins(config: AmazonConfig, endpoint: string): string[] {
  const own = originOf(endpoint);
  if (!own) return [];
  if (own === PRODUCTION[config.region]) return [own, DOCUMENT_ORIGINS[config.region]];
  if (own === SANDBOX[config.region]) return [own, SANDBOX_DOCUMENT_ORIGIN];
  return [own];
}

function originOf(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}
