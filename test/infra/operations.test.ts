/**
 * What ops needs per region and stage (issue 10 §4): one CloudWatch dashboard with the API per
 * route, Lambda errors/throttles/init duration, workflow failures and timed-out waits, DLQ
 * depths, SES bounce/complaint rates, SMS failures and schedule failures; the alarms that need
 * a person, each sent to the alarm topic and explained in the README runbook; and every stack
 * within CloudFormation's limits (500 resources, 200 parameters and outputs).
 */
import { readFileSync } from 'node:fs';
import { CfnOutput, CfnParameter, CfnResource, NestedStack, Stack } from 'aws-cdk-lib';
import { Alarm } from 'aws-cdk-lib/aws-cloudwatch';
import { beforeAll, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../infra/config.js';
import { NodeFunction } from '../../infra/constructs/node-function.js';
import { workflows } from '../../functions/workflows/index.js';
import { joined, logicalIdOf, synthesize, type Synthesized } from './synth.js';

let synth: Synthesized;
beforeAll(() => {
  synth = synthesize({ bundle: false });
}, 300_000);

const README = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const runbook = README.slice(README.indexOf('## Runbook'), README.indexOf('\n## ', README.indexOf('## Runbook') + 5));

interface Widget {
  readonly type: string;
  readonly properties: { title?: string; metrics?: unknown[][]; query?: string; view?: string };
}

describe.each(resolveConfig('dev').map((c) => [c.region, c] as const))('operations of %s', (region) => {
  const platform = () => synth.stacks.find((s) => s.config.region === region)!.platform;
  const rootTemplate = () => synth.template(platform()).toJSON();
  const widgets = (): Widget[] => {
    const dashboards = Object.values(synth.template(platform()).findResources('AWS::CloudWatch::Dashboard'));
    expect(dashboards).toHaveLength(1);
    return (JSON.parse(joined(dashboards[0]!.Properties.DashboardBody)) as { widgets: Widget[] }).widgets;
  };
  const widget = (title: string) => widgets().filter((w) => w.properties.title?.startsWith(title));
  const metricsOf = (title: string) => widget(title).flatMap((w) => w.properties.metrics ?? []);
  const functions = () => platform().node.findAll().filter((c): c is NodeFunction => c instanceof NodeFunction);

  it('has one dashboard named after the stage and the region', () => {
    const [dashboard] = Object.values(synth.template(platform()).findResources('AWS::CloudWatch::Dashboard'));
    expect(dashboard!.Properties.DashboardName).toBe(`Tatawwu-dev-${region}`);
  });

  it('shows requests, 4xx, 5xx and latency p50/p99 per route from the stage’s detailed metrics', () => {
    synth.template(platform()).hasResourceProperties('AWS::ApiGatewayV2::Stage', { DefaultRouteSettings: { DetailedMetricsEnabled: true } });
    const expressions = ['API requests', 'API 4xx', 'API 5xx', 'API latency p50', 'API latency p99'].map((title) => JSON.stringify(metricsOf(title)));
    expect(expressions[0]).toContain(`SEARCH('{AWS/ApiGateway,ApiId,Method,Resource,Stage} ApiId=\\"`);
    expect(expressions.map((e) => /MetricName=\\"(\w+)\\"', '(\w+)'/.exec(e)?.slice(1))).toEqual([
      ['Count', 'Sum'],
      ['4xx', 'Sum'],
      ['5xx', 'Sum'],
      ['Latency', 'p50'],
      ['Latency', 'p99'],
    ]);
  });

  it('shows errors, throttles and init duration of every function of the region', () => {
    const count = functions().length;
    expect(count).toBeGreaterThan(80);
    expect(metricsOf('Lambda errors').filter((m) => m[0] === 'AWS/Lambda' && m[1] === 'Errors')).toHaveLength(count);
    expect(metricsOf('Lambda throttles').filter((m) => m[0] === 'AWS/Lambda' && m[1] === 'Throttles')).toHaveLength(count);
    const init = widget('Lambda init duration');
    expect(init.map((w) => w.properties.query).every((q) => q?.includes('pct(@initDuration, 99)'))).toBe(true);
    const logGroups = init.flatMap((w) => (w.properties.query ?? '').match(/SOURCE '[^']+'/g) ?? []);
    expect(logGroups).toHaveLength(count);
    expect(init.every((w) => ((w.properties.query ?? '').match(/SOURCE '/g) ?? []).length <= 50)).toBe(true);
  });

  it('shows failed, timed-out and aborted executions of every workflow, and waits that timed out', () => {
    const machines = metricsOf('Workflow executions').filter((m) => m[0] === 'AWS/States').map((m) => `${String(m[1])} ${JSON.stringify(m[3])}`);
    for (const name of [...workflows.map((w) => w.name), 'MatchingRun']) {
      for (const metric of ['ExecutionsFailed', 'ExecutionsTimedOut', 'ExecutionsAborted']) {
        expect(machines.some((m) => m.startsWith(metric) && m.includes(`-${name}`)), `${name} ${metric}`).toBe(true);
      }
    }
    expect(JSON.stringify(metricsOf('Waits for a person'))).toContain('ServiceIntegrationsTimedOut');
  });

  it('shows the depth of every dead-letter queue', () => {
    const stack = platform();
    const queues = [
      ...[...stack.consumers.consumers.values()].map((c) => c.deadLetterQueue),
      ...[...stack.schedules.schedules.values()].map((s) => s.deadLetterQueue),
    ];
    const depths = metricsOf('Dead-letter queue depth').filter((m) => m[1] === 'ApproximateNumberOfMessagesVisible');
    expect(depths).toHaveLength(queues.length + 2);
    expect(JSON.stringify(depths)).toContain('NotificationsDlq');
    expect(JSON.stringify(depths)).toContain('OutboxPipeDlq');
  });

  it('shows SES bounce and complaint rates, failed emails and SMS, and schedule failures', () => {
    expect(metricsOf('SES bounce').map((m) => m[1])).toEqual(['Reputation.BounceRate', 'Reputation.ComplaintRate']);
    expect(JSON.stringify(metricsOf('SMS that failed'))).toContain('MetricName=\\"SmsFailed\\"');
    expect(JSON.stringify(metricsOf('Emails that failed'))).toContain('MetricName=\\"EmailFailed\\"');
    expect(metricsOf('EventBridge Scheduler failures').map((m) => m[1])).toEqual([
      'TargetErrorCount',
      'InvocationDroppedCount',
      'InvocationsSentToDeadLetterCount',
      'InvocationsFailedToBeSentToDeadLetterCount',
    ]);
    expect(metricsOf('Scheduled job errors')).toHaveLength(platform().schedules.schedules.size);
  });

  it('alarms on API latency, Lambda throttling, lost schedule runs and every workflow’s failed executions', () => {
    const alarms = Object.values(rootTemplate().Resources as Record<string, { Type: string; Properties: Record<string, unknown> }>).filter((r) => r.Type === 'AWS::CloudWatch::Alarm');
    const described = (text: string) => alarms.filter((a) => String(a.Properties.AlarmDescription).includes(text));
    expect(described('p99 latency')[0]!.Properties).toMatchObject({ MetricName: 'Latency', ExtendedStatistic: 'p99', EvaluationPeriods: 3 });
    expect(described('Lambda throttled')[0]!.Properties).toMatchObject({ Namespace: 'AWS/Lambda', MetricName: 'Throttles' });
    expect(JSON.stringify(described('EventBridge Scheduler dropped')[0]!.Properties.Metrics)).toContain('InvocationDroppedCount');
    for (const name of [...workflows.map((w) => w.name), 'MatchingRun']) {
      const [alarm] = described(`the ${name} workflow failed`);
      expect(JSON.stringify(alarm?.Properties.Metrics), name).toContain(`-${name}`);
    }
  });

  it('sends every alarm to the alarm topic, and every alarm has its entry in the README runbook', () => {
    const topic = logicalIdOf(platform().observability.topic);
    const alarms = platform().node.findAll().filter((c): c is Alarm => c instanceof Alarm);
    expect(alarms.length).toBeGreaterThan(100);
    const keyOf = (alarm: Alarm): string => {
      const id = alarm.node.id;
      if (id === 'ErrorsAlarm') return '<function>Errors';
      if (id === 'Depth') return '<queue>Dlq';
      if (id.endsWith('ExecutionsFailed')) return '<workflow>ExecutionsFailed';
      return id;
    };
    for (const key of new Set(alarms.map(keyOf))) expect(runbook, key).toContain(`\`${key}\``);
    const resources = Object.entries(rootTemplate().Resources as Record<string, { Type: string; Properties: { AlarmActions?: unknown[] } }>).filter(([, r]) => r.Type === 'AWS::CloudWatch::Alarm');
    expect(resources).toHaveLength(alarms.length);
    for (const [id, alarm] of resources) {
      // In the root stack the topic by reference; in a nested stack through the parameter the parent passes it.
      expect(alarm.Properties.AlarmActions, id).toHaveLength(1);
      expect(JSON.stringify(alarm.Properties.AlarmActions), id).toMatch(new RegExp(`${topic}|AlarmTopic|referenceto`, 'i'));
    }
  });

  it('keeps the root stack and every nested stack within CloudFormation’s limits', () => {
    const stacks = [platform(), ...platform().node.findAll().filter((c): c is NestedStack => c instanceof NestedStack)];
    for (const stack of stacks) {
      const own = stack.node.findAll().filter((c) => c !== stack && Stack.of(c) === stack);
      const count = (kind: typeof CfnResource | typeof CfnOutput | typeof CfnParameter) => own.filter((c) => c instanceof kind).length;
      expect(count(CfnResource), `${stack.node.path} resources`).toBeLessThan(500);
      expect(count(CfnOutput), `${stack.node.path} outputs`).toBeLessThanOrEqual(200);
      expect(count(CfnParameter), `${stack.node.path} parameters`).toBeLessThanOrEqual(200);
    }
  });
});

describe('HoursApproved bursts (issue 16)', () => {
  it('reach ImpactApprovals through an encrypted queue, 100 at a time, with partial batch failures and the consumer’s alarmed DLQ behind it', () => {
    const platform = synth.stacks[0]!.platform;
    const deployed = platform.consumers.consumers.get('ImpactApprovals')!;
    const template = synth.template(platform);
    const queueId = logicalIdOf(deployed.batchQueue!);
    const resources = template.toJSON().Resources as Record<string, { Type: string; Properties: Record<string, unknown> }>;

    expect(resources[logicalIdOf(deployed.rule)]!.Properties.Targets).toEqual([expect.objectContaining({ Arn: { 'Fn::GetAtt': [queueId, 'Arn'] } })]);
    expect(resources[queueId]!.Properties).toMatchObject({ SqsManagedSseEnabled: true, RedrivePolicy: { maxReceiveCount: 5 } });
    const mappings = Object.values(resources).filter((r) => r.Type === 'AWS::Lambda::EventSourceMapping' && JSON.stringify(r.Properties.EventSourceArn).includes(queueId));
    expect(mappings.map((m) => m.Properties)).toEqual([
      expect.objectContaining({ BatchSize: 100, MaximumBatchingWindowInSeconds: 5, FunctionResponseTypes: ['ReportBatchItemFailures'] }),
    ]);
    const others = platform.consumers.consumers.get('ImpactAggregates')!.definition.events;
    expect(others).not.toContain('HoursApproved');
  });
});
