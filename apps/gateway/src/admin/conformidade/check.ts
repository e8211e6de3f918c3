/** A check's outcome: AVISO is reported but never fails the run (nor the CI job reading the JUnit file). */
export type Veredito = 'PASSOU' | 'FALHOU' | 'AVISO';

/** What was observed for one request (or one connection) of a check. */
export interface Evidencia {
  /** What was sent or probed, e.g. `dimp-registro` or `secret errado`. */
  envio: string;
  status: number | null;
  tempoMs: number;
  causa: string;
  /** The first characters of the endpoint's answer. */
  trecho?: string;
}

export interface Check {
  /** Stable id, the JUnit testcase name: `evento:dimp-registro`, `somente-200`, `tls`... */
  id: string;
  veredito: Veredito;
  /** Why, in one sentence the integrator can act on. */
  motivo: string;
  /** The real portal's rule the check comes from, with its source. */
  regra: string;
  evidencias: Evidencia[];
  /** Measured figures (load: p50, p99...). */
  medidas?: Record<string, number>;
  /** What to verify on the integrator's side when the run cannot see it. */
  conselho?: string;
}

export const EXCERPT_CHARS = 200;

export function excerpt(body: string | null | undefined): string | undefined {
  return body ? body.slice(0, EXCERPT_CHARS) : undefined;
}

export function runVerdict(checks: readonly Check[]): 'APROVADO' | 'REPROVADO' {
  return checks.some((check) => check.veredito === 'FALHOU') ? 'REPROVADO' : 'APROVADO';
}
