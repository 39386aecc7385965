import { beforeAll, describe, expect, it } from 'vitest';
import type { Template } from 'aws-cdk-lib/assertions';
import type { RegionStacks } from '../../infra/stacks/region-stacks.js';
import { actionsOn, logicalIdOf, statementsOf, synthesize, type Synthesized } from './synth.js';

let synth: Synthesized;
let region: RegionStacks;
let template: Template;
beforeAll(() => {
  synth = synthesize({ bundle: false });
  region = synth.stacks[0]!;
  template = synth.template(region.platform);
}, 300_000);

const messaging = () => region.platform.messaging;

describe('Messaging construct', () => {
  it('sends from the email domain configured for each region', () => {
    for (const stacks of synth.stacks) {
      synth.template(stacks.platform).hasResourceProperties('AWS::SES::EmailIdentity', { EmailIdentity: stacks.config.emailDomain });
    }
  });

  it('uses a configuration set with reputation metrics, requiring TLS, by default for the identity', () => {
    template.hasResourceProperties('AWS::SES::ConfigurationSet', {
      ReputationOptions: { ReputationMetricsEnabled: true },
      DeliveryOptions: { TlsPolicy: 'REQUIRE' },
    });
    template.hasResourceProperties('AWS::SES::EmailIdentity', {
      ConfigurationSetAttributes: { ConfigurationSetName: { Ref: logicalIdOf(messaging().configurationSet) } },
    });
  });

  it('sends bounces and complaints to an encrypted topic whose function suppresses the address', () => {
    template.hasResourceProperties('AWS::SES::ConfigurationSetEventDestination', {
      EventDestination: {
        Enabled: true,
        MatchingEventTypes: ['bounce', 'complaint'],
        SnsDestination: { TopicARN: { Ref: logicalIdOf(messaging().feedbackTopic) } },
      },
    });
    template.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: { 'Fn::GetAtt': [logicalIdOf(messaging().topicKey), 'Arn'] } });
    const subscriptions = Object.values(template.findResources('AWS::SNS::Subscription')).map((s) => s.Properties);
    const bounceFunction = Object.keys(
      template.findResources('AWS::Lambda::Function', { Properties: { Description: 'functions/consumers/email-bounces.ts' } }),
    )[0];
    expect(subscriptions).toContainEqual(
      expect.objectContaining({ Protocol: 'lambda', TopicArn: { Ref: logicalIdOf(messaging().feedbackTopic) }, Endpoint: { 'Fn::GetAtt': [bounceFunction, 'Arn'] } }),
    );
  });

  it('lets End User Messaging publish inbound SMS to a topic handled by the STOP/START function', () => {
    const policies = Object.values(template.findResources('AWS::SNS::TopicPolicy')).flatMap((p) => p.Properties.PolicyDocument.Statement);
    expect(policies).toContainEqual(
      expect.objectContaining({ Action: 'sns:Publish', Principal: { Service: 'sms-voice.amazonaws.com' }, Effect: 'Allow' }),
    );
    const subscriptions = Object.values(template.findResources('AWS::SNS::Subscription')).map((s) => s.Properties.TopicArn);
    expect(subscriptions).toContainEqual({ Ref: logicalIdOf(messaging().inboundSmsTopic) });
  });

  it('routes dead-lettered notifications from the domain bus to an encrypted queue', () => {
    template.hasResourceProperties('AWS::Events::Rule', { EventPattern: { source: ['tatawwu'], 'detail-type': ['NotificationDeadLettered'] } });
    template.hasResourceProperties('AWS::SQS::Queue', { SqsManagedSseEnabled: true });
  });

  it('alarms on the bounce and complaint rates of the configuration set', () => {
    for (const metric of ['Reputation.BounceRate', 'Reputation.ComplaintRate']) {
      template.hasResourceProperties('AWS::CloudWatch::Alarm', {
        Namespace: 'AWS/SES',
        MetricName: metric,
        Dimensions: [{ Name: 'ses:configuration-set', Value: { Ref: logicalIdOf(messaging().configurationSet) } }],
      });
    }
  });

  it('grants email sending on this identity and configuration set only, to the delivery consumer only', () => {
    const queueing = statementsOf(template, region.platform.consumers.consumers.get('NotifyApplications')!.function);
    expect(queueing.filter((s) => s.Action.some((a) => a.startsWith('ses:') || a.startsWith('sms-voice:')))).toEqual([]);
    const fn = region.platform.consumers.consumers.get('DeliverNotifications')!.function;
    const statements = statementsOf(template, fn);
    const ses = statements.filter((s) => s.Action.some((a) => a.startsWith('ses:')));
    expect(ses.flatMap((s) => s.Action).sort()).toEqual(['ses:SendEmail', 'ses:SendRawEmail']);
    expect(JSON.stringify(ses.flatMap((s) => s.Resource))).toContain(':configuration-set/');
    expect(JSON.stringify(ses.flatMap((s) => s.Resource))).toContain(':identity/');
    expect(actionsOn(statements, 'sender-id')).toEqual(['sms-voice:SendTextMessage']);
  });
});
