import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { BIN } from '../support/run-cli.js';

const exec = promisify(execFile);

/** Plain curl, as a shop owner would try the simulator; -s quiet, -w appends the status code. */
async function curl(args: string[]): Promise<{ status: number; body: string }> {
  const { stdout } = await exec('curl', ['-s', '-w', '\n%{http_code}', ...args]);
  const i = stdout.lastIndexOf('\n');
  return { status: Number(stdout.slice(i + 1)), body: stdout.slice(0, i) };
}

describe('civetta simulator --port 0 --json (built bin, real child process)', () => {
  it('prints the endpoints line at once, answers curl with each service\'s tokens and errors, stops on SIGTERM', async () => {
    const env: Record<string, string> = {};
    for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !k.startsWith('CIVETTA_')) env[k] = v;
    const child = spawn(process.execPath, [BIN, 'simulator', '--port', '0', '--json'], { env: { ...env, CI: '1', NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.setEncoding('utf8');
    const firstLine = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (d: string) => {
        stdout += d;
        if (stdout.includes('\n')) resolve(stdout.slice(0, stdout.indexOf('\n')));
      });
      child.on('exit', (code) => reject(new Error(`simulator exited early with ${String(code)}`)));
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      const endpoints = JSON.parse(firstLine) as { amazon: { endpoint: string; tokenEndpoint: string }; ebay: { endpoint: string; tokenEndpoint: string } };
      expect(Object.keys(endpoints)).toEqual(['amazon', 'ebay']);
      expect(endpoints.amazon.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/amazon$/);
      expect(endpoints.amazon.tokenEndpoint).toBe(`${endpoints.amazon.endpoint}/auth/o2/token`);
      expect(endpoints.ebay.tokenEndpoint).toBe(`${endpoints.ebay.endpoint}/identity/v1/oauth2/token`);

      const amzToken = await curl(['-X', 'POST', endpoints.amazon.tokenEndpoint, '-H', 'Content-Type: application/x-www-form-urlencoded',
        '--data-urlencode', 'grant_type=refresh_token', '--data-urlencode', 'refresh_token=Atzr|civetta-simulator',
        '--data-urlencode', 'client_id=amzn1.application-oa2-client.civetta-simulator', '--data-urlencode', 'client_secret=civetta-simulator-secret']);
      expect(amzToken.status).toBe(200);
      const access = (JSON.parse(amzToken.body) as { access_token: string }).access_token;
      const orders = await curl(['-H', `x-amz-access-token: ${access}`, `${endpoints.amazon.endpoint}/orders/2026-01-01/orders?createdAfter=2026-01-01T00:00:00Z`]);
      expect(orders.status).toBe(200);
      expect(JSON.parse(orders.body)).toMatchObject({ orders: [] });
      const refused = await curl([`${endpoints.amazon.endpoint}/orders/2026-01-01/orders?createdAfter=2026-01-01T00:00:00Z`]);
      expect(refused.status).toBe(403);
      expect(JSON.parse(refused.body)).toEqual({ errors: [{ code: 'Unauthorized', message: 'Access to requested resource is denied.', details: '' }] });

      const ebToken = await curl(['-X', 'POST', endpoints.ebay.tokenEndpoint, '-u', 'civetta-simulator:civetta-simulator-secret',
        '-H', 'Content-Type: application/x-www-form-urlencoded', '--data-urlencode', 'grant_type=refresh_token', '--data-urlencode', 'refresh_token=v^1.1#civetta-simulator']);
      expect(ebToken.status).toBe(200);
      const bearer = (JSON.parse(ebToken.body) as { access_token: string }).access_token;
      const ebOrders = await curl(['-H', `Authorization: Bearer ${bearer}`, `${endpoints.ebay.endpoint}/sell/fulfillment/v1/order?limit=10`]);
      expect(ebOrders.status).toBe(200);
      expect(JSON.parse(ebOrders.body)).toMatchObject({ total: 0, limit: 10, offset: 0, orders: [] });
      const ebRefused = await curl([`${endpoints.ebay.endpoint}/sell/fulfillment/v1/order`]);
      expect(ebRefused.status).toBe(401);
      expect(JSON.parse(ebRefused.body).errors[0]).toMatchObject({ errorId: 1001, domain: 'OAuth', message: 'Invalid access token' });
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    expect(stdout.trim().split('\n')).toHaveLength(1);
  });
});
