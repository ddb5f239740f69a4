import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Config } from '../../src/config/schema.js';
import { credentialVariables } from '../../src/config/credentials.js';
import { CHANNEL_IDS } from '../../src/domain/ids.js';
import { ExitCode } from '../../src/errors.js';

/** js-yaml comes with cosmiconfig and has no type declarations; only loadAll and load are used. */
const yaml = createRequire(import.meta.url)('js-yaml') as { loadAll(text: string): unknown[]; load(text: string): unknown };

const DEPLOY = fileURLToPath(new URL('../../deploy/', import.meta.url));
const read = (file: string) => readFileSync(`${DEPLOY}${file}`, 'utf8');

type Doc = { kind: string; metadata: { name: string }; [k: string]: unknown };
// The example's shape, as far as the checks below look into it.
interface CronJob extends Doc {
  spec: {
    concurrencyPolicy: string;
    jobTemplate: { spec: { backoffLimit: number; podFailurePolicy: { rules: Array<{ action: string; onExitCodes: { values: number[] } }> }; template: { spec: {
      securityContext: { runAsNonRoot: boolean };
      containers: Array<{ name: string; command: string[]; args: string[]; envFrom: Array<{ secretRef: { name: string } }>; volumeMounts: Array<{ name: string; mountPath: string; readOnly?: boolean }> }>;
      volumes: Array<{ name: string; configMap?: { name: string }; persistentVolumeClaim?: { claimName: string } }>;
    } } } };
  };
}

describe('deploy/ examples', () => {
  const docs = yaml.loadAll(read('kubernetes/shop-cronjob.yaml')) as Doc[];
  const byKind = (kind: string) => docs.filter((d) => d.kind === kind);

  it('the CronJob runs `civetta sync` for one shop, one at a time, credentials from its Secret', () => {
    const [job] = byKind('CronJob') as CronJob[];
    expect(job).toBeDefined();
    expect(job!.spec.concurrencyPolicy).toBe('Forbid');
    const pod = job!.spec.jobTemplate.spec.template.spec;
    expect(pod.securityContext.runAsNonRoot).toBe(true);
    const [container] = pod.containers;
    expect([...container!.command, ...container!.args]).toEqual(['civetta', '--config', '/etc/civetta/civetta.config.yaml', 'sync', '--quiet']);
    const [secret] = byKind('Secret') as Array<Doc & { stringData: Record<string, string> }>;
    expect(container!.envFrom).toEqual([{ secretRef: { name: secret!.metadata.name } }]);
    expect(Object.keys(secret!.stringData).sort()).toEqual(CHANNEL_IDS.flatMap((c) => credentialVariables(c)).sort());
  });

  it('the config comes read-only from the ConfigMap, the ledger and stock file live on the shop\'s volume', () => {
    const [job] = byKind('CronJob') as CronJob[];
    const pod = job!.spec.jobTemplate.spec.template.spec;
    const mounts = Object.fromEntries(pod.containers[0]!.volumeMounts.map((m) => [m.name, m]));
    expect(mounts.config).toEqual({ name: 'config', mountPath: '/etc/civetta', readOnly: true });
    expect(mounts.data?.mountPath).toBe('/data');
    const [pvc] = byKind('PersistentVolumeClaim');
    const [configMap] = byKind('ConfigMap') as Array<Doc & { data: Record<string, string> }>;
    expect(pod.volumes).toEqual([
      { name: 'config', configMap: { name: configMap!.metadata.name } },
      { name: 'data', persistentVolumeClaim: { claimName: pvc!.metadata.name } },
    ]);
    // The shop config in it is a valid civetta config whose ledger and stock file are on the volume.
    const config = Config.parse(yaml.load(configMap!.data['civetta.config.yaml']!));
    expect(config.ledger.startsWith('/data/')).toBe(true);
    expect(config.stock.file.startsWith('/data/')).toBe(true);
  });

  it('exit codes that need a person fail the Job at once (README "Exit codes")', () => {
    const [job] = byKind('CronJob') as CronJob[];
    const rules = job!.spec.jobTemplate.spec.podFailurePolicy.rules;
    expect(job!.spec.jobTemplate.spec.backoffLimit).toBe(0);
    expect(rules.filter((r) => r.action === 'FailJob').flatMap((r) => r.onExitCodes.values).sort()).toEqual([ExitCode.invalidInput, ExitCode.guardStopped, ExitCode.authFailed]);
    const alerts = yaml.load(read('kubernetes/alerts.yaml')) as { spec: { groups: Array<{ rules: Array<{ alert: string; expr: string }> }> } };
    const codes = alerts.spec.groups.flatMap((g) => g.rules).map((r) => Number(/== (\d)$/.exec(r.expr)?.[1]));
    expect(codes.sort()).toEqual([ExitCode.itemsFailed, ExitCode.invalidInput, ExitCode.guardStopped, ExitCode.authFailed]);
  });

  it('the Dockerfile builds in one stage and runs the CLI as a non-root user with /data as a volume', () => {
    const lines = read('Dockerfile').split('\n').filter((l) => l.trim() && !l.trimStart().startsWith('#'));
    const stages = lines.filter((l) => l.startsWith('FROM '));
    expect(stages).toHaveLength(2);
    expect(stages[0]).toMatch(/ AS build$/);
    const runtime = lines.slice(lines.indexOf(stages[1]!));
    expect(runtime).toContain('USER node');
    expect(runtime).toContain('VOLUME ["/data"]');
    expect(runtime).toContain('ENTRYPOINT ["civetta"]');
    expect(runtime.some((l) => /apt-get|g\+\+|npm ci/.test(l))).toBe(false);
  });
});
