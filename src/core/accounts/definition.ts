import * as z from 'zod/mini';
import { type SourceRefDef, checkDefinition, definitionShape } from '../scorecard/definition';

/**
 * What the key-account plan is built from, stored as its own document setting beside the scorecard's: the
 * sales (sheet, columns and reading rules, as the scorecard stores a source), the survey answers, and what
 * counts as attention. The sources are checked by the scorecard definition's own rules.
 */
export const ATTENTION_KINDS = ['actions', 'responses', 'typed', 'sheet', 'none'] as const;
export type AttentionKind = (typeof ATTENTION_KINDS)[number];

export const ATTENTION_WORDS: Readonly<Record<AttentionKind, string>> = {
  actions: 'actions on the improvement tracker (one per action naming the customer)',
  responses: 'survey responses (one per answer from the customer)',
  typed: 'hours or visits you type on the plan, per account',
  sheet: 'rows of a sheet of yours (a contact or visit log), or the hours in one of its columns',
  none: 'nothing: revenue, risk and the plan only',
};

function makeShape() {
  const sources = definitionShape().shape.sources;
  return z.object({
    version: z.number(),
    period: z.optional(z.string()),
    sales: sources.shape.sales,
    answers: z.optional(sources.shape.feedback),
    attention: z.object({
      kind: z.string(),
      sheet: z.optional(z.string()),
      customer: z.optional(z.string()),
      amount: z.optional(z.string()),
    }),
  });
}

let shape: ReturnType<typeof makeShape> | null = null;

export function accountsDefinitionShape(): ReturnType<typeof makeShape> {
  return (shape ??= makeShape());
}

export type AccountsDefinitionInput = z.input<ReturnType<typeof makeShape>>;

export interface AccountsDefinition {
  readonly version: 1;
  readonly period: 'week' | 'month' | 'quarter';
  readonly sales: SourceRefDef;
  readonly answers?: SourceRefDef;
  readonly attention: {
    readonly kind: AttentionKind;
    /** kind "sheet": the sheet, its customer column and (optional) its hours column. */
    readonly sheet?: string;
    readonly customer?: string;
    readonly amount?: string;
  };
}

const PERIODS = ['week', 'month', 'quarter'] as const;

export function checkAccountsDefinition(d: z.output<ReturnType<typeof makeShape>>): AccountsDefinition {
  const problems: string[] = [];
  if (d.version !== 1) problems.push(`version ${d.version} is not one this Leadlag knows; update the add-on`);
  let sales: SourceRefDef | undefined;
  let answers: SourceRefDef | undefined;
  try {
    const checked = checkDefinition({ version: 1, sources: { sales: d.sales, ...(d.answers ? { feedback: d.answers } : {}) } });
    sales = checked.sources.sales;
    answers = checked.sources.feedback;
  } catch (e) {
    problems.push(
      (e as Error).message
        .replace(/^The scorecard settings are not valid: /, '')
        .replace(/sources\.feedback/g, 'answers')
        .replace(/sources\.sales/g, 'sales'),
    );
  }
  for (const role of ['customer', 'amount', 'date'] as const)
    if (sales && !sales.columns[role]) problems.push(`sales: choose the column of the ${role === 'amount' ? 'sales amount' : role}`);
  if (answers && !answers.columns.customer) problems.push('answers: choose the column of the customer');
  if (answers && !answers.columns.referral_score && !answers.columns.comparison)
    problems.push('answers: choose the column of the referral score or of "better, about the same or worse"');
  const kind = d.attention.kind as AttentionKind;
  if (!(ATTENTION_KINDS as readonly string[]).includes(kind)) problems.push(`attention must be one of ${ATTENTION_KINDS.join(', ')}`);
  if (kind === 'responses' && !answers) problems.push('attention: survey responses need the answers sheet');
  if (kind === 'sheet' && (!d.attention.sheet?.trim() || !d.attention.customer?.trim()))
    problems.push('attention: choose the sheet and its customer column');
  const period = d.period ?? 'month';
  if (!(PERIODS as readonly string[]).includes(period)) problems.push(`period must be ${PERIODS.join(', ')}, not "${period}"`);
  if (problems.length || !sales) throw new Error(`The key-account plan settings are not valid: ${problems.join('; ')}`);
  const attention: AccountsDefinition['attention'] =
    kind === 'sheet'
      ? {
          kind,
          sheet: d.attention.sheet!.trim(),
          customer: d.attention.customer!,
          ...(d.attention.amount ? { amount: d.attention.amount } : {}),
        }
      : { kind };
  return { version: 1, period: period as AccountsDefinition['period'], sales, ...(answers ? { answers } : {}), attention };
}

export function parseAccountsDefinition(value: unknown): AccountsDefinition {
  const r = accountsDefinitionShape().safeParse(value);
  if (!r.success) {
    const what = r.error.issues.map((i) => `${i.path.join('.') || 'definition'}: ${i.message}`);
    throw new Error(`The key-account plan settings are not valid: ${what.join('; ')}`);
  }
  return checkAccountsDefinition(r.data);
}
