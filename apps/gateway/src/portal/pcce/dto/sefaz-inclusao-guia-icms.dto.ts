import { IsNumeroDeclaracao, IsVersaoDeclaracao } from './declaracao-icms.dto.js';
import { GuiaIcmsDadosDto } from './guia-icms-credito.dto.js';

/** `SefazInclusaoGuiaIcmsDto`: a payment guide the Sefaz adds to a declaração de ICMS (`POST /icms/guia`). */
export class SefazInclusaoGuiaIcmsDto extends GuiaIcmsDadosDto {
  @IsNumeroDeclaracao()
  numeroDeclaracao: string;

  @IsVersaoDeclaracao()
  versaoDeclaracao: string;
}
