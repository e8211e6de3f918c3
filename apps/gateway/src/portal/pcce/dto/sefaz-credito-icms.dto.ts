import { Type } from 'class-transformer';
import { IsArray, IsOptional, ValidateNested } from 'class-validator';
import { DeclaracaoIcmsDto } from './declaracao-icms.dto.js';
import { GuiaIcmsCreditoDto } from './guia-icms-credito.dto.js';
import { IsDataHora, IsValor, Obrigatorio } from './portal-formats.js';

/** `SefazCreditoIcmsDto`: the Sefaz confirms the ICMS of a calculation "a pagar" was paid (`POST /icms/credito`). */
export class SefazCreditoIcmsDto extends DeclaracaoIcmsDto {
  @Obrigatorio()
  @IsDataHora()
  dataConfirmacaoCredito: string;

  /** The guides already paid. */
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => GuiaIcmsCreditoDto)
  guias?: GuiaIcmsCreditoDto[];

  @Obrigatorio()
  @IsValor()
  valorTotalCredito: number;
}
