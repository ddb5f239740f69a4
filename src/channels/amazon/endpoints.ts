import type { AmazonConfig } from '../../config/schema.js';
import { InputError } from '../../errors.js';
import { isLoopbackHost } from '../../http/allowed-origins.js';

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
export const LWA_TOKEN_ENDPOINT = 'https://api.amazon.com/auth/o2/token';

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

/**
 * Resolves region + environment + overrides into endpoints. `simulator` needs an explicit
 * `endpoint` (the simulator's port is chosen at start); its token endpoint then defaults to
 * `<endpoint>/auth/o2/token`, where the built-in simulator serves it.
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
  const tokenEndpoint =
    config.tokenEndpoint ?? (config.environment === 'simulator' ? `${endpoint}/auth/o2/token` : LWA_TOKEN_ENDPOINT);
  return { endpoint, tokenEndpoint, documentOrigins: documentOrigins(config, endpoint) };
}

function documentOrigins(config: AmazonConfig, endpoint: string): string[] {
  const own = originOf(endpoint);
  // A loopback endpoint is the simulator or a test server: it serves its own documents, and
  // nothing may leave the machine.
  if (own && isLoopbackHost(new URL(own).hostname)) return [own];
  if (config.environment === 'simulator') return own ? [own] : [];
  const amazon = config.environment === 'sandbox' ? SANDBOX_DOCUMENT_ORIGIN : DOCUMENT_ORIGINS[config.region];
  return own && own !== amazon ? [own, amazon] : [amazon];
}

function originOf(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}
