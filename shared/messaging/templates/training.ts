/** Messages of training and evaluations (issue 13). Email only: none of them is time-critical. */
import type { Template } from '../render.js';
import { name, orgName, title } from './params.js';

/** The organisation's name: a message still goes out if it cannot be read. */
const org = { ...orgName, optional: true };

/** Title of a training module (training schema: up to 200 characters per language). */
const training = { kind: 'text', max: 200, bilingual: true } as const;

export const trainingExpiring: Template = {
  type: 'training-expiring',
  params: { name, training, validUntil: { kind: 'time' }, title, start: { kind: 'time' }, days: { kind: 'number', max: 2 } },
  email: {
    ar: {
      subject: 'تنتهي صلاحية تدريبك خلال {{days}} يوماً: {{training}}',
      heading: 'جدّد تدريبك يا {{name}}',
      paragraphs: ['تنتهي صلاحية إكمالك لهذا التدريب قبل مناوبة مقبلة تتطلبه. أعد التدريب في التطبيق قبل انتهاء صلاحيته لتحتفظ بمقعدك.'],
      details: [['التدريب', '{{training}}'], ['تنتهي الصلاحية', '{{validUntil|datetime}}'], ['المناوبة', '{{title}}'], ['موعدها', '{{start|datetime}}']],
    },
    en: {
      subject: 'Your training expires in {{days}} days: {{training}}',
      heading: 'Renew your training, {{name}}',
      paragraphs: ['Your completion of this training expires before an upcoming shift that requires it. Take the training again in the app before it expires to keep your seat.'],
      details: [['Training', '{{training}}'], ['Expires', '{{validUntil|datetime}}'], ['Shift', '{{title}}'], ['Starts', '{{start|datetime}}']],
    },
  },
};

export const trainingLapsed: Template = {
  type: 'training-lapsed',
  params: { name, title, start: { kind: 'time' }, modules: { kind: 'text', max: 1000 } },
  email: {
    ar: {
      subject: 'تدريب مطلوب لمناوبتك: {{title}}',
      heading: 'تدريبك غير ساري يا {{name}}',
      paragraphs: ['سجّلت حضورك في مناوبة تتطلب تدريباً لم تكمله أو انتهت صلاحيته. أبلغنا المشرفين؛ أكمل التدريب في التطبيق في أقرب وقت.'],
      details: [['المناوبة', '{{title}}'], ['موعدها', '{{start|datetime}}'], ['التدريب الناقص', '{{modules}}']],
    },
    en: {
      subject: 'Training required for your shift: {{title}}',
      heading: 'Your training is not valid, {{name}}',
      paragraphs: ['You checked in to a shift that requires training you have not completed or whose completion has expired. The managers have been told; complete the training in the app as soon as you can.'],
      details: [['Shift', '{{title}}'], ['Starts', '{{start|datetime}}'], ['Missing training', '{{modules}}']],
    },
  },
};

export const trainingLapsedManager: Template = {
  type: 'training-lapsed-manager',
  params: { title, start: { kind: 'time' }, modules: { kind: 'text', max: 1000 }, volunteer: { kind: 'text', max: 100, bilingual: true, optional: true } },
  email: {
    ar: {
      subject: 'تنبيه: متطوع بلا تدريب ساري في {{title}}',
      heading: 'تدريب مطلوب غير مكتمل',
      paragraphs: ['سجّل متطوع حضوره في مناوبة تتطلب تدريباً لم يكمله أو انتهت صلاحيته. تحقق من الأمر قبل إسناد المهام إليه.'],
      details: [['المتطوع', '{{volunteer}}'], ['المناوبة', '{{title}}'], ['موعدها', '{{start|datetime}}'], ['التدريب الناقص', '{{modules}}']],
    },
    en: {
      subject: 'Warning: a volunteer without valid training on {{title}}',
      heading: 'Required training missing',
      paragraphs: ['A volunteer checked in to a shift that requires training they have not completed or whose completion has expired. Please check before assigning them tasks.'],
      details: [['Volunteer', '{{volunteer}}'], ['Shift', '{{title}}'], ['Starts', '{{start|datetime}}'], ['Missing training', '{{modules}}']],
    },
  },
};

export const evaluationInvitation: Template = {
  type: 'evaluation-invitation',
  params: { name, title, orgName: org, start: { kind: 'time' } },
  email: {
    ar: {
      subject: 'كيف كانت تجربتك؟ {{title}}',
      heading: 'شكراً لعطائك يا {{name}}',
      paragraphs: ['قيّم تجربتك في هذه المناوبة من 1 إلى 5 في التطبيق، مع تعليق إن شئت. يمكنك تعديل تقييمك خلال سبعة أيام. لا تُنشر التعليقات باسمك.'],
      details: [['المناوبة', '{{title}}'], ['الجهة', '{{orgName}}'], ['الموعد', '{{start|datetime}}']],
    },
    en: {
      subject: 'How was your shift? {{title}}',
      heading: 'Thank you for volunteering, {{name}}',
      paragraphs: ['Rate your experience of this shift from 1 to 5 in the app, with a comment if you like. You can edit it for seven days. Comments are never published with your name.'],
      details: [['Shift', '{{title}}'], ['Organisation', '{{orgName}}'], ['When', '{{start|datetime}}']],
    },
  },
};

export const evaluationDigest: Template = {
  type: 'evaluation-digest',
  params: { title, orgName: org, start: { kind: 'time' }, attended: { kind: 'number', max: 5 } },
  email: {
    ar: {
      subject: 'قيّم متطوعي مناوبة {{title}}',
      heading: 'حضر {{attended}} متطوعاً',
      paragraphs: ['انتهت المناوبة. قيّم كل متطوع حضر (الانضباط في الوقت، المهارة، السلوك من 1 إلى 5) في بوابة الجهة خلال سبعة أيام.'],
      details: [['المناوبة', '{{title}}'], ['الجهة', '{{orgName}}'], ['الموعد', '{{start|datetime}}']],
    },
    en: {
      subject: 'Rate the volunteers of {{title}}',
      heading: '{{attended}} volunteers attended',
      paragraphs: ['The shift has ended. Rate each volunteer who attended (punctuality, skill and conduct, 1 to 5) in the organisation portal; ratings can be edited for seven days.'],
      details: [['Shift', '{{title}}'], ['Organisation', '{{orgName}}'], ['When', '{{start|datetime}}']],
    },
  },
};
