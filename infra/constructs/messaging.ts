/**
 * The email and SMS senders of one region and their feedback paths:
 * - the SES domain identity volunteer emails are sent from (per region, infra/config.ts) and a
 *   configuration set with reputation metrics; its event destination sends bounces and
 *   complaints to an SNS topic whose function (functions/consumers/email-bounces.ts) puts the
 *   address on the suppression list;
 * - the AWS End User Messaging SMS sender ID, and an SNS topic for inbound SMS (two-way SMS
 *   publishes replies there; functions/consumers/sms-inbound.ts handles STOP / START).
 * Functions get send permission on exactly this identity, configuration set and sender ID.
 * The functions on those topics, the notifications dead-letter queue and the alarms are
 * MessagingFeedback (messaging-feedback.ts): they are granted from resources that include this
 * construct, so they are a construct of their own.
 */
import { ArnFormat, Stack } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { Grant, PolicyStatement, ServicePrincipal, type IGrantable } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { ConfigurationSet, ConfigurationSetTlsPolicy, EmailIdentity, EmailSendingEvent, EventDestination, Identity } from 'aws-cdk-lib/aws-ses';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { NodeFunction } from './node-function.js';

export interface MessagingProps {
  /** Domain verified in SES (DKIM records are output by the identity after deploy). */
  readonly emailDomain: string;
  /**
   * Local part of the sender address.
   * @default 'no-reply'
   */
  readonly emailFromLocalPart?: string;
  /** Sender ID registered with AWS End User Messaging SMS in this region. */
  readonly smsSenderId: string;
  /** ISO 3166-1 alpha-2 country the sender ID is registered for. */
  readonly smsCountry: string;
  /**
   * The stage's web app: links in emails and SMS are built on it (`APP_BASE_URL`).
   * @default - the platform's public URL (`PUBLIC_BASE_URL`) at run time
   */
  readonly appBaseUrl?: string;
}

export class Messaging extends Construct {
  /** The SES identity emails are sent from. */
  public readonly emailIdentity: EmailIdentity;
  /** `no-reply@<domain>`: the `From` of every email. */
  public readonly fromAddress: string;
  /** The stage's web app links are built on (see MessagingProps.appBaseUrl). */
  public readonly appBaseUrl?: string;
  /** ARN of the SMS sender ID. */
  public readonly smsSenderIdArn: string;
  /** Reputation metrics and the bounce/complaint event destination. */
  public readonly configurationSet: ConfigurationSet;
  /** Bounces and complaints (SES → SNS). */
  public readonly feedbackTopic: Topic;
  /** Inbound SMS (End User Messaging two-way SMS → SNS); set it as the two-way channel of the number or pool. */
  public readonly inboundSmsTopic: Topic;
  /** Encrypts both topics; SES and End User Messaging may use it to publish. */
  public readonly topicKey: Key;

  constructor(scope: Construct, id: string, props: MessagingProps) {
    super(scope, id);
    if (!/^[A-Z]{2}$/.test(props.smsCountry)) {
      throw new Error(`smsCountry must be an ISO 3166-1 alpha-2 code, got ${JSON.stringify(props.smsCountry)}`);
    }
    this.configurationSet = new ConfigurationSet(this, 'ConfigurationSet', {
      reputationMetrics: true,
      sendingEnabled: true,
      tlsPolicy: ConfigurationSetTlsPolicy.REQUIRE,
    });
    this.emailIdentity = new EmailIdentity(this, 'EmailIdentity', {
      identity: Identity.domain(props.emailDomain),
      configurationSet: this.configurationSet,
    });
    this.fromAddress = `${props.emailFromLocalPart ?? 'no-reply'}@${props.emailDomain}`;
    if (props.appBaseUrl) this.appBaseUrl = props.appBaseUrl;
    this.smsSenderIdArn = Stack.of(this).formatArn({
      service: 'sms-voice',
      resource: 'sender-id',
      resourceName: `${props.smsSenderId}/${props.smsCountry}`,
      arnFormat: ArnFormat.SLASH_RESOURCE_NAME,
    });

    this.topicKey = new Key(this, 'TopicKey', { description: 'Tatawwu messaging feedback topics (bounces, complaints, inbound SMS)', enableKeyRotation: true });
    for (const service of ['ses.amazonaws.com', 'sms-voice.amazonaws.com']) {
      this.topicKey.addToResourcePolicy(
        new PolicyStatement({
          principals: [new ServicePrincipal(service)],
          actions: ['kms:GenerateDataKey*', 'kms:Decrypt'],
          resources: ['*'],
          conditions: { StringEquals: { 'aws:SourceAccount': Stack.of(this).account } },
        }),
      );
    }
    this.feedbackTopic = new Topic(this, 'EmailFeedback', { displayName: 'SES bounces and complaints', masterKey: this.topicKey, enforceSSL: true });
    this.configurationSet.addEventDestination('BouncesAndComplaints', {
      destination: EventDestination.snsTopic(this.feedbackTopic),
      events: [EmailSendingEvent.BOUNCE, EmailSendingEvent.COMPLAINT],
    });
    this.inboundSmsTopic = new Topic(this, 'InboundSms', { displayName: 'Inbound SMS (STOP / START)', masterKey: this.topicKey, enforceSSL: true });
    this.inboundSmsTopic.grantPublish(new ServicePrincipal('sms-voice.amazonaws.com'));
  }

  /** Allows sending email from this region's identity, through its configuration set, only. */
  public grantSendEmail(grantee: IGrantable): Grant {
    if (grantee instanceof NodeFunction) {
      grantee.function.addEnvironment('SES_CONFIGURATION_SET', this.configurationSet.configurationSetName);
    }
    const stack = Stack.of(this);
    return Grant.addToPrincipal({
      grantee,
      actions: ['ses:SendEmail', 'ses:SendRawEmail'],
      resourceArns: [
        stack.formatArn({ service: 'ses', resource: 'identity', resourceName: this.emailIdentity.emailIdentityName }),
        stack.formatArn({ service: 'ses', resource: 'configuration-set', resourceName: this.configurationSet.configurationSetName }),
      ],
    });
  }

  /** Allows sending SMS through this region's sender ID only. */
  public grantSendSms(grantee: IGrantable): Grant {
    return Grant.addToPrincipal({ grantee, actions: ['sms-voice:SendTextMessage'], resourceArns: [this.smsSenderIdArn] });
  }
}
