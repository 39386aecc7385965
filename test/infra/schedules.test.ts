import { beforeAll, describe, expect, it } from 'vitest';
import type { Template } from 'aws-cdk-lib/assertions';
import { Match } from 'aws-cdk-lib/assertions';
import { consumers } from '../../functions/consumers/index.js';
import { schedules } from '../../functions/schedules/index.js';
import type { PlatformStack } from '../../infra/stacks/platform-stack.js';
import { logicalIdOf, synthesize } from './synth.js';

let platform: PlatformStack;
let template: Template;
beforeAll(() => {
  const synth = synthesize({ bundle: false });
  platform = synth.stacks[0]!.platform;
  template = synth.template(platform);
}, 300_000);

const reminders = schedules.find((s) => s.name === 'reminders')!;

describe('Schedules construct', () => {
  it('deploys the reminders job every 15 minutes in Riyadh time', () => {
    template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'rate(15 minutes)',
      ScheduleExpressionTimezone: 'Asia/Riyadh',
      State: 'ENABLED',
    });
  });

  it('deploys one schedule per job whose needs can be met, each with its own expression', () => {
    const deployed = [...platform.schedules.schedules.values()];
    const expressions = Object.values(template.findResources('AWS::Scheduler::Schedule')).map((r) => r.Properties.ScheduleExpression);
    expect(deployed.map((d) => d.definition.name)).toContain('reminders');
    expect(expressions.sort()).toEqual(deployed.map((d) => d.definition.expression).sort());
  });

  it('targets the job function with a retry policy, a dead-letter queue and the local runner’s input', () => {
    const deployed = platform.schedules.schedules.get('reminders')!;
    const [schedule] = Object.values(
      template.findResources('AWS::Scheduler::Schedule', { Properties: { ScheduleExpression: reminders.expression } }),
    );
    const target = schedule!.Properties.Target;
    expect(target.Arn).toEqual({ 'Fn::GetAtt': [logicalIdOf(deployed.function.function), 'Arn'] });
    expect(target.RetryPolicy).toEqual({ MaximumRetryAttempts: 3, MaximumEventAgeInSeconds: 3600 });
    expect(target.DeadLetterConfig.Arn).toEqual({ 'Fn::GetAtt': [logicalIdOf(deployed.deadLetterQueue), 'Arn'] });
    expect(JSON.parse(target.Input)).toEqual({ name: 'reminders', scheduledAt: '<aws.scheduler.scheduled-time>' });
  });

  it('gives the job the time and memory it declares', () => {
    const fn = platform.schedules.schedules.get('reminders')!.function;
    const resource = template.toJSON().Resources[logicalIdOf(fn.function)];
    expect(resource.Properties).toMatchObject({ Timeout: reminders.timeout, MemorySize: reminders.memorySize });
  });

  it('alarms as soon as a job invocation lands in its dead-letter queue', () => {
    const queue = platform.schedules.schedules.get('reminders')!.deadLetterQueue;
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Threshold: 1,
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [logicalIdOf(queue), 'QueueName'] } }],
      AlarmActions: Match.anyValue(),
    });
  });
});

describe('Consumers construct', () => {
  it('deploys one rule per consumer on the domain bus, matching its event types', () => {
    for (const consumer of consumers) {
      template.hasResourceProperties('AWS::Events::Rule', {
        EventPattern: { source: ['tatawwu'], 'detail-type': [...consumer.events] },
      });
    }
  });

  it('delivers to the consumer with retries and a dead-letter queue', () => {
    const deployed = platform.consumers.consumers.get('NotifyApplications')!;
    const rule = template.toJSON().Resources[logicalIdOf(deployed.rule)];
    const [target] = rule.Properties.Targets;
    expect(target.Arn).toEqual({ 'Fn::GetAtt': [logicalIdOf(deployed.function.function), 'Arn'] });
    expect(target.RetryPolicy).toEqual({ MaximumRetryAttempts: 4, MaximumEventAgeInSeconds: 21600 });
    expect(target.DeadLetterConfig.Arn).toEqual({ 'Fn::GetAtt': [logicalIdOf(deployed.deadLetterQueue), 'Arn'] });
  });

  it('grants the delivery consumer email and SMS sending and tells it the configuration set; a consumer that queues gets the app URL only', () => {
    const variables = (id: string) => Object.keys(template.toJSON().Resources[logicalIdOf(platform.consumers.consumers.get(id)!.function.function)].Properties.Environment.Variables);
    expect(variables('DeliverNotifications')).toEqual(expect.arrayContaining(['EMAIL_FROM', 'SES_CONFIGURATION_SET', 'SMS_SENDER_ID_ARN', 'EVENT_BUS_NAME']));
    expect(variables('NotifyApplications')).not.toEqual(expect.arrayContaining(['SMS_SENDER_ID_ARN']));
    expect(variables('NotifyApplications')).not.toEqual(expect.arrayContaining(['SES_CONFIGURATION_SET']));
  });
});
