import { IsString } from 'class-validator';
import { GuiaIcmsDadosDto } from './guia-icms-credito.dto.js';
import { IsVersao, Obrigatorio } from './portal-formats.js';

/** `SefazInclusaoGuiaIcmsDto`: a payment guide the Sefaz adds to a declaração de ICMS (`POST /icms/guia`). */
export class SefazInclusaoGuiaIcmsDto extends GuiaIcmsDadosDto {
  /** Format and check digit are checked by the service: DIMP-ER0004. */
  @Obrigatorio()
  @IsString()
  numeroDeclaracao: string;

  @Obrigatorio()
  @IsVersao()
  versaoDeclaracao: string;
}
