/** Messages of the personal-data rights (issue 18): the erasure confirmation code, the prepared export. */
import type { Template } from '../render.js';
import { name } from './params.js';

export const erasureCode: Template = {
  type: 'erasure-code',
  params: { name, code: { kind: 'text', max: 6 }, expiresAt: { kind: 'time' } },
  email: {
    ar: {
      subject: 'رمز تأكيد حذف حسابك في منصة تطوع: {{code}}',
      heading: 'تأكيد حذف بياناتك',
      paragraphs: [
        'طلبت حذف حسابك وبياناتك الشخصية من منصة تطوع. لإتمام الحذف أدخل هذا الرمز في التطبيق قبل انتهاء صلاحيته.',
        'بعد الحذف تُلغى شهاداتك ومقاعدك القادمة، ولا يمكن استرجاع الحساب. ساعاتك المعتمدة تبقى أرقاماً مجهولة الهوية في إحصاءات الجهات.',
        'إن لم تطلب الحذف فتجاهل هذه الرسالة؛ لن يُحذف شيء.',
      ],
      details: [['الرمز', '{{code}}'], ['صالح حتى', '{{expiresAt|datetime}}']],
    },
    en: {
      subject: 'Code to confirm deleting your Tatawwu account: {{code}}',
      heading: 'Confirm the erasure of your data',
      paragraphs: [
        'You asked to delete your Tatawwu account and your personal data. Enter this code in the app before it expires to confirm.',
        'Your certificates and upcoming seats will be cancelled and the account cannot be restored. Your approved hours stay in the organisations’ figures as anonymous counts.',
        'If you did not ask for this, ignore this message: nothing will be deleted.',
      ],
      details: [['Code', '{{code}}'], ['Valid until', '{{expiresAt|datetime}} (Riyadh time)']],
    },
  },
};

export const exportReady: Template = {
  type: 'export-ready',
  params: { name, link: { kind: 'text', max: 500 }, expiresAt: { kind: 'time' } },
  email: {
    ar: {
      subject: 'نسخة بياناتك في منصة تطوع جاهزة',
      heading: 'نسخة بياناتك جاهزة',
      paragraphs: ['أعددنا نسخة من كل البيانات التي نحتفظ بها عنك (ملف مضغوط من جداول CSV). الرابط يعمل مرة واحدة فقط وحتى الموعد المذكور:', '{{link}}'],
      details: [['صالح حتى', '{{expiresAt|datetime}}']],
    },
    en: {
      subject: 'Your Tatawwu data copy is ready',
      heading: 'Your data copy is ready',
      paragraphs: ['We prepared a copy of all the data we hold about you (a ZIP of CSV files). The link works once, until the time below:', '{{link}}'],
      details: [['Valid until', '{{expiresAt|datetime}} (Riyadh time)']],
    },
  },
};
