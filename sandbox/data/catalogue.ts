import type { Region } from '../regions';

/** A practice area the generator can give an account, with its ordered stages and matter descriptions. */
export interface PracticeAreaTemplate {
  name: string;
  code: string;
  /** One of the `category` values that Clio's PracticeArea schema allows. */
  category: string;
  stages: readonly string[];
  descriptions: readonly string[];
}

/** Practice areas in the order the generator draws from them. */
export const PRACTICE_AREA_TEMPLATES: readonly PracticeAreaTemplate[] = [
  {
    name: 'Family',
    code: 'FAM',
    category: 'family',
    stages: ['Intake', 'Financial Disclosure', 'Negotiation', 'Mediation', 'Trial Preparation', 'Final Order'],
    descriptions: ['Divorce', 'Child custody modification', 'Spousal support review', 'Prenuptial agreement'],
  },
  {
    name: 'Personal Injury',
    code: 'PI',
    category: 'personal_injury',
    stages: ['Intake', 'Medical Treatment', 'Demand Letter', 'Negotiation', 'Litigation', 'Settlement'],
    descriptions: ['Motor vehicle accident', 'Slip and fall', 'Dog bite injury', 'Workplace injury claim'],
  },
  {
    name: 'Immigration',
    code: 'IMM',
    category: 'immigration',
    stages: ['Consultation', 'Document Collection', 'Petition Filed', 'Evidence Request', 'Interview', 'Decision'],
    descriptions: ['Family-based visa petition', 'Work permit application', 'Citizenship application', 'Asylum claim'],
  },
  {
    name: 'Estate Planning',
    code: 'EST',
    category: 'wills_and_estates',
    stages: ['Consultation', 'Drafting', 'Client Review', 'Signing', 'Trust Funding'],
    descriptions: ['Will and power of attorney', 'Revocable living trust', 'Estate administration', 'Guardianship'],
  },
  {
    name: 'Criminal Defense',
    code: 'CRIM',
    category: 'criminal',
    stages: ['Arraignment', 'Discovery', 'Pretrial Motions', 'Plea Negotiation', 'Trial', 'Sentencing'],
    descriptions: ['Impaired driving charge', 'Theft charge', 'Assault charge', 'Record suspension'],
  },
  {
    name: 'Real Estate',
    code: 'RE',
    category: 'real_estate',
    stages: ['Contract Review', 'Title Search', 'Financing', 'Closing'],
    descriptions: ['Residential purchase', 'Residential sale', 'Commercial lease review', 'Refinancing'],
  },
  {
    name: 'Employment',
    code: 'EMP',
    category: 'employment_and_labor',
    stages: ['Intake', 'Investigation', 'Agency Complaint', 'Negotiation', 'Litigation'],
    descriptions: ['Wrongful dismissal', 'Wage claim', 'Severance review', 'Workplace harassment complaint'],
  },
  {
    name: 'Bankruptcy',
    code: 'BK',
    category: 'bankruptcy',
    stages: ['Consultation', 'Petition Preparation', 'Filing', 'Meeting of Creditors', 'Discharge'],
    descriptions: ['Personal bankruptcy', 'Consumer proposal', 'Debt restructuring', 'Creditor claim'],
  },
];

/** Given names for people: clients, attorneys and staff. */
export const FIRST_NAMES: readonly string[] = [
  'Amelia', 'Benjamin', 'Chloe', 'Daniel', 'Elena', 'Farid', 'Grace', 'Hiroshi', 'Isla', 'James',
  'Kavya', 'Liam', 'Maria', 'Noah', 'Olivia', 'Priya', 'Quentin', 'Rosa', 'Samuel', 'Tara',
  'Uma', 'Victor', 'Wen', 'Ximena', 'Yusuf', 'Zoe', 'Aaron', 'Beatriz', 'Connor', 'Dana',
];

/** Family names for people and for company and firm names. */
export const LAST_NAMES: readonly string[] = [
  'Abbott', 'Bennett', 'Castillo', 'Dubois', 'Eriksen', 'Fischer', 'Garcia', 'Hughes', 'Ibrahim', 'Jensen',
  'Kowalski', 'Lambert', 'Morrison', 'Nakamura', 'Okafor', 'Patel', 'Quinn', 'Rossi', 'Schmidt', 'Thompson',
  'Umarov', 'Vasquez', 'Walsh', 'Xu', 'Yamamoto', 'Zimmerman', 'Archer', 'Byrne', 'Chen', 'Delgado',
];

/** Words that start generated company names. */
export const COMPANY_WORDS: readonly string[] = [
  'Northwind', 'Bluebird', 'Cedar', 'Harbor', 'Summit', 'Maple', 'Granite', 'Riverside', 'Lakeshore', 'Redwood',
];

/** Endings of generated company names. */
export const COMPANY_SUFFIXES: readonly string[] = [
  'Logistics Inc.', 'Bakery Ltd.', 'Construction LLC', 'Dental Group', 'Software Corp.', 'Holdings Ltd.',
];

/** Per-region settings for generated users and contacts. */
export interface RegionProfile {
  /**
   * Time zone of generated users, written as a Rails time zone name because Clio Manage is a
   * Rails application.
   * NOTE: the name form is assumed from Rails, because the API reference only types `time_zone` as a string.
   */
  timeZone: string;
  /** Builds a phone number from a number in [0, 99], inside a range reserved for fiction. */
  phoneNumber(serial: number): string;
}

const twoDigits = (serial: number): string => String(serial % 100).padStart(2, '0');

/**
 * Region profiles. Phone numbers come from ranges kept free for fiction: 555-0100 to 555-0199 in
 * North America, 020 7946 0xxx in the UK (Ofcom) and 02 5550 xxxx in Australia (ACMA).
 */
export const REGION_PROFILES: Readonly<Record<Region, RegionProfile>> = {
  us: { timeZone: 'Eastern Time (US & Canada)', phoneNumber: (serial) => `(212) 555-01${twoDigits(serial)}` },
  ca: { timeZone: 'Pacific Time (US & Canada)', phoneNumber: (serial) => `(604) 555-01${twoDigits(serial)}` },
  eu: { timeZone: 'London', phoneNumber: (serial) => `+44 20 7946 00${twoDigits(serial)}` },
  au: { timeZone: 'Sydney', phoneNumber: (serial) => `+61 2 5550 01${twoDigits(serial)}` },
};

/** Relationship descriptions of related contacts who are clients of other matters of the firm. */
export const RELATED_CLIENT_ROLES: readonly string[] = ['Spouse', 'Co-client', 'Parent', 'Guardian', 'Business partner'];

/** Relationship descriptions of other related contacts. */
export const OTHER_RELATED_ROLES: readonly string[] = ['Opposing counsel', 'Opposing party', 'Insurance adjuster', 'Witness', 'Expert'];
