import type { IcpTipo } from '#pki';

/** The portal's Role-Type values and the certificate types each accepts (facts §1). */
export const ROLE_TYPES: Record<string, IcpTipo[]> = {
  IMPEXP: ['e-CPF'],
  DEPOSIT: ['e-CPF', 'e-CNPJ'],
  OPERPORT: ['e-CPF', 'e-CNPJ'],
  TRANSPORT: ['e-CPF', 'e-CNPJ'],
  TRANSPEST: ['e-CPF'],
  AGECARGA: ['e-CPF'],
  AGEREMESS: ['e-CPF', 'e-CNPJ'],
  AJUDESPAC: ['e-CPF'],
  INSTFINANC: ['e-CPF'],
  CONTATOOEA: ['e-CPF'],
  RESPLEGAL: ['e-CPF'],
  HABILITAD: ['e-CPF'],
  TERCEIROS: ['e-CNPJ'],
};
