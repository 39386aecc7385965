/**
 * The email and SMS senders of one region: the SES domain identity volunteer emails are sent
 * from, and the AWS End User Messaging SMS sender ID. Functions get send permission on exactly
 * these two resources (see grants.ts: the `email` and `sms` needs), nothing wider.
 */
import { ArnFormat, Stack } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { EmailIdentity, Identity } from 'aws-cdk-lib/aws-ses';
import { Grant, type IGrantable } from 'aws-cdk-lib/aws-iam';

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
}

export class Messaging extends Construct {
  /** The SES identity emails are sent from. */
  public readonly emailIdentity: EmailIdentity;
  /** `no-reply@<domain>`: the `From` of every email. */
  public readonly fromAddress: string;
  /** ARN of the SMS sender ID. */
  public readonly smsSenderIdArn: string;

  constructor(scope: Construct, id: string, props: MessagingProps) {
    super(scope, id);
    if (!/^[A-Z]{2}$/.test(props.smsCountry)) {
      throw new Error(`smsCountry must be an ISO 3166-1 alpha-2 code, got ${JSON.stringify(props.smsCountry)}`);
    }
    this.emailIdentity = new EmailIdentity(this, 'EmailIdentity', { identity: Identity.domain(props.emailDomain) });
    this.fromAddress = `${props.emailFromLocalPart ?? 'no-reply'}@${props.emailDomain}`;
    this.smsSenderIdArn = Stack.of(this).formatArn({
      service: 'sms-voice',
      resource: 'sender-id',
      resourceName: `${props.smsSenderId}/${props.smsCountry}`,
      arnFormat: ArnFormat.SLASH_RESOURCE_NAME,
    });
  }

  /** Allows sending email from this region's identity only. */
  public grantSendEmail(grantee: IGrantable): Grant {
    return this.emailIdentity.grantSendEmail(grantee);
  }

  /** Allows sending SMS through this region's sender ID only. */
  public grantSendSms(grantee: IGrantable): Grant {
    return Grant.addToPrincipal({
      grantee,
      actions: ['sms-voice:SendTextMessage'],
      resourceArns: [this.smsSenderIdArn],
    });
  }
}
