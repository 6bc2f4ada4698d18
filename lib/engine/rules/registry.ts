import aiSelfReference from './ai-self-reference';
import asksForSecret from './asks-for-secret';
import biasAssumedAttribute from './bias-assumed-attribute';
import biasAssumedGender from './bias-assumed-gender';
import biasNonInclusiveTerm from './bias-non-inclusive-term';
import biasPatronising from './bias-patronising';
import biasSlur from './bias-slur';
import biasStereotype from './bias-stereotype';
import blameShifting from './blame-shifting';
import cheerfulToUpset from './cheerful-to-upset';
import condescension from './condescension';
import contradiction from './contradiction';
import deadlinePromise from './deadline-promise';
import type { Rule } from './define-rule';
import escalationDeflected from './escalation-deflected';
import financialAdvice from './financial-advice';
import guaranteePromise from './guarantee-promise';
import legalAdvice from './legal-advice';
import liabilityAdmission from './liability-admission';
import linkIpHost from './link-ip-host';
import linkLookalikeHost from './link-lookalike-host';
import linkNotAllowlisted from './link-not-allowlisted';
import linkScriptUrl from './link-script-url';
import linkShortener from './link-shortener';
import medicalAdvice from './medical-advice';
import missingEmpathy from './missing-empathy';
import passwordInReply from './password-in-reply';
import piiCardNumber from './pii-card-number';
import piiEmail from './pii-email';
import piiIban from './pii-iban';
import piiIpAddress from './pii-ip-address';
import piiPhone from './pii-phone';
import piiSsn from './pii-ssn';
import privacyRequestMishandled from './privacy-request-mishandled';
import promptLeakage from './prompt-leakage';
import refundPromise from './refund-promise';
import repeatedReply from './repeated-reply';
import replyLanguageMismatch from './reply-language-mismatch';
import secretToken from './secret-token';
import stackedHedging from './stacked-hedging';
import unfilledPlaceholder from './unfilled-placeholder';
import ungroundedAmount from './ungrounded-amount';
import ungroundedContact from './ungrounded-contact';
import ungroundedDate from './ungrounded-date';
import ungroundedReference from './ungrounded-reference';
import wrongCustomerName from './wrong-customer-name';

/**
 * Every built-in rule, sorted by id. Explicit on purpose (no globbing, no ids derived from
 * paths): a meta-test fails when a rule file is missing here, out of order or misnamed.
 */
export const rules: readonly Rule[] = [
  aiSelfReference,
  asksForSecret,
  biasAssumedAttribute,
  biasAssumedGender,
  biasNonInclusiveTerm,
  biasPatronising,
  biasSlur,
  biasStereotype,
  blameShifting,
  cheerfulToUpset,
  condescension,
  contradiction,
  deadlinePromise,
  escalationDeflected,
  financialAdvice,
  guaranteePromise,
  legalAdvice,
  liabilityAdmission,
  linkIpHost,
  linkLookalikeHost,
  linkNotAllowlisted,
  linkScriptUrl,
  linkShortener,
  medicalAdvice,
  missingEmpathy,
  passwordInReply,
  piiCardNumber,
  piiEmail,
  piiIban,
  piiIpAddress,
  piiPhone,
  piiSsn,
  privacyRequestMishandled,
  promptLeakage,
  refundPromise,
  repeatedReply,
  replyLanguageMismatch,
  secretToken,
  stackedHedging,
  unfilledPlaceholder,
  ungroundedAmount,
  ungroundedContact,
  ungroundedDate,
  ungroundedReference,
  wrongCustomerName,
];

/** Rule by id, for the options page and for validating pack severity overrides. */
export const rulesById: ReadonlyMap<string, Rule> = new Map(rules.map((r) => [r.meta.id, r]));
