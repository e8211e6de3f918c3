import type { TIPOS_OPERACAO } from '#catalog';
import { isValidDuimpNumber } from '../duimp/duimp-number.js';
import { LPCO_NUMBER_PATTERN } from '../lpco/lpco.js';

export type TipoOperacao = (typeof TIPOS_OPERACAO)[number];

const NUMBER_FORMATS: Partial<Record<TipoOperacao, [RegExp, string]>> = {
  DI: [/^\d{10}$/, '10 dígitos numéricos'],
  LI: [/^\d{11}$/, '11 dígitos numéricos'],
  RE: [/^\d{12}$/, '12 dígitos numéricos'],
  DT: [/^\d{10}$/, '10 dígitos numéricos'],
  DIR: [/^\d{12}$/, '12 dígitos numéricos'],
  DUE: [/^\d{2}BR\d{10}$/, 'AABRNNNNNNNNNN'],
  LPCO: [LPCO_NUMBER_PATTERN, 'OAANNNNNNNN'],
};

/** Why `numero` is not a number of an operation of `tipo`, or null when it is. */
export function numeroOperacaoError(tipo: TipoOperacao, numero: string): string | null {
  if (tipo === 'DUIMP') return isValidDuimpNumber(numero) ? null : 'Número da Duimp inválido.';
  const format = NUMBER_FORMATS[tipo];
  if (!format) return numero.length >= 1 && numero.length <= 255 ? null : 'Número da operação inválido.';
  return format[0].test(numero) ? null : `Número de ${tipo} inválido: formato ${format[1]}.`;
}

/** A few document types of e-Docex (`idTipoDocumento`, `nomeTipoDocumento`; simulated ids). */
export const TIPOS_DOCUMENTO: Readonly<Record<number, string>> = {
  1: 'Fatura Comercial',
  2: 'Conhecimento de Carga',
  3: 'Romaneio de Carga (Packing List)',
  4: 'Certificado de Origem',
  5: 'Comprovante de Pagamento ou Exoneração do ICMS',
  6: 'Laudo Técnico',
  7: 'Contrato de Câmbio',
};
