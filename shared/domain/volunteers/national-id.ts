/**
 * Saudi national ID (citizens, first digit 1) and iqama (residents, first digit 2): ten
 * digits, the last one a Luhn check digit over the other nine. Messages never echo the
 * number: it is personal data.
 */
import * as z from '../../zod.js';

/** Standard Luhn: from the right, every second digit is doubled (minus 9 when over 9). */
export const luhnValid = (digits: string): boolean => {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
};

/** The check digit that makes `payload` (nine digits) + digit pass Luhn. */
export const luhnCheckDigit = (payload: string): string => {
  for (let digit = 0; digit <= 9; digit++) {
    if (luhnValid(`${payload}${digit}`)) return String(digit);
  }
  throw new Error('unreachable: one of ten digits always satisfies luhn');
};

/** Why `value` is not a national ID / iqama number, or undefined when it is one. */
export const nationalIdProblem = (value: string): string | undefined => {
  if (!/^\d+$/.test(value)) return 'must contain digits only';
  if (value.length !== 10) return `must be 10 digits, got ${value.length}`;
  if (value[0] !== '1' && value[0] !== '2') return 'must start with 1 (citizen) or 2 (resident)';
  if (!luhnValid(value)) return 'check digit does not match';
  return undefined;
};

export const isValidNationalId = (value: string): boolean => nationalIdProblem(value) === undefined;

export const NationalId = /* @__PURE__ */ z.withMeta(
  /* @__PURE__ */ z.string().check(
    /* @__PURE__ */ z.trim(),
    /* @__PURE__ */ z.maxLength(32),
    /* @__PURE__ */ z.superRefine((value, ctx) => {
      const problem = nationalIdProblem(value);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
  ),
  // The pattern documents the shape for clients (OpenAPI); the check above is what enforces it, with one message.
  {
    description: 'Saudi national ID (starts with 1) or iqama (starts with 2): 10 digits with a Luhn check digit',
    pattern: '^[12][0-9]{9}$',
    examples: ['1234567897'],
  },
);

/**
 * `1234567890` → `******7890`: the last four digits only, enough for the holder to recognise
 * it. Also re-masks a mask stored in an older, wider form (`1*****7890`, which showed the
 * first digit too), so that profiles written before show no more than new ones.
 */
export const maskNationalId = (value: string): string => `${'*'.repeat(Math.max(value.length - 4, 0))}${value.slice(-4)}`;
