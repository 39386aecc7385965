/**
 * Why screening refused an application, written for the volunteer in both languages (the
 * rejection email): one sentence per failed rule, reference labels instead of ids, no
 * brackets or ids that a right-to-left paragraph would scramble. The rule names and their
 * technical messages stay in the application's `failures` for clients and managers.
 */
import { professions } from '../reference/professions.js';

interface Failure {
  readonly rule: string;
  readonly message: string;
}

const professionLabels = (message: string): { ar: string; en: string } | undefined => {
  const ids = Object.keys(professions).filter((id) => new RegExp(`(^|[\\s,])${id}($|[\\s,])`).test(message));
  if (ids.length === 0) return undefined;
  const labels = ids.map((id) => professions[id as keyof typeof professions]);
  return { ar: labels.map((l) => l.nameAr).join('، '), en: labels.map((l) => l.nameEn.toLowerCase()).join(', ') };
};

const sentence = (failure: Failure): { ar: string; en: string } => {
  switch (failure.rule) {
    case 'professions': {
      const labels = professionLabels(failure.message);
      return labels
        ? { ar: `هذه الفرصة لأصحاب مهنة محددة: ${labels.ar}، ولا تظهر هذه المهنة في ملفك.`, en: `This opportunity is for volunteers in a specific profession (${labels.en}), and your profile does not list it.` }
        : { ar: 'هذه الفرصة لأصحاب مهنة محددة لا تظهر في ملفك.', en: 'This opportunity is for volunteers in a profession your profile does not list.' };
    }
    case 'age':
      return { ar: 'لم تبلغ الحد الأدنى للعمر الذي حددته الجهة لهذه المناوبة.', en: 'You are below the minimum age the organisation set for this shift.' };
    case 'charter':
      return { ar: 'لم تقبل بعد الإصدار الحالي من ميثاق أخلاقيات التطوع؛ اقبله من حسابك ثم قدّم من جديد.', en: 'You have not accepted the current volunteering ethics charter yet; accept it in your account, then apply again.' };
    case 'training':
      return { ar: 'تتطلب هذه الفرصة تدريباً لم تكمله أو انتهت صلاحيته.', en: 'This opportunity needs a training you have not completed, or whose validity has ended.' };
    case 'overlap':
      return { ar: 'لديك مناوبة مقبولة أخرى في الوقت نفسه.', en: 'You already hold another approved shift at the same time.' };
    case 'profile':
      return { ar: 'ملفك التطوعي غير مكتمل؛ أكمله ثم قدّم من جديد.', en: 'Your volunteer profile is incomplete; complete it, then apply again.' };
    case 'opportunity.status':
      return { ar: 'لم تعد الفرصة متاحة للتقديم.', en: 'The opportunity is no longer open for applications.' };
    case 'shift.start':
      return { ar: 'بدأت المناوبة قبل البت في طلبك.', en: 'The shift started before your application could be decided.' };
    case 'shiftId':
      return { ar: 'لم تعد هذه المناوبة متاحة، أو سبق أن قدّمت عليها.', en: 'This shift is no longer available, or you already applied to it.' };
    default:
      return { ar: 'لم يستوفِ الطلب أحد شروط الفرصة.', en: 'The application did not meet one of the opportunity’s requirements.' };
  }
};

/** The reasons of a screening refusal in both languages (`screeningAr`, `screeningEn`). */
export const screeningReason = (failures: readonly Failure[]): { screeningAr: string; screeningEn: string } => {
  const sentences = failures.map(sentence);
  return { screeningAr: sentences.map((s) => s.ar).join(' '), screeningEn: sentences.map((s) => s.en).join(' ') };
};
