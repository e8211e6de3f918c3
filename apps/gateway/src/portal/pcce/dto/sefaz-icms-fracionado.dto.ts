import { Type } from 'class-transformer';
import { IsArray, IsIn, IsString, Length, ValidateNested } from 'class-validator';
import { TIPOS_RETORNO_FRACIONADO, type TipoRetornoFracionado } from '#domain';
import { IsNumeroDeclaracao, IsVersaoDeclaracao } from './declaracao-icms.dto.js';
import { IsDataHora, IsValor, Obrigatorio } from './portal-formats.js';

type Fracionado = SefazIcmsFracionadoDto;
const todasLiberadas = (dto: Fracionado) => dto.tipoRetorno === 'SEM_VALOR_A_PAGAR';
const SE_TODAS_LIBERADAS = 'quando tipoRetorno = SEM_VALOR_A_PAGAR';

/** `SefazNotaFiscalDto`: an NF-e whose ICMS obligation is met. */
export class SefazNotaFiscalDto {
  @Obrigatorio()
  @IsString()
  @Length(44, 44)
  chaveAcessoNotaFiscal: string;
}

/**
 * `SefazIcmsFracionadoDto`: the NF-e released under a declaration with split payment (`POST /icms/fracionado`).
 * No `ufFavorecida` in this model: the declaration is the caller's UF's.
 */
export class SefazIcmsFracionadoDto {
  @Obrigatorio<Fracionado>(todasLiberadas, SE_TODAS_LIBERADAS)
  @IsDataHora()
  dataConfirmacaoCredito?: string;

  @Obrigatorio()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => SefazNotaFiscalDto)
  notasFiscais: SefazNotaFiscalDto[];

  @IsNumeroDeclaracao()
  numeroDeclaracao: string;

  @Obrigatorio()
  @IsIn(['DUIMP'])
  tipoDeclaracao: 'DUIMP';

  @Obrigatorio()
  @IsIn(TIPOS_RETORNO_FRACIONADO)
  tipoRetorno: TipoRetornoFracionado;

  @Obrigatorio<Fracionado>(todasLiberadas, SE_TODAS_LIBERADAS)
  @IsValor()
  valorTotalCredito?: number;

  @IsVersaoDeclaracao()
  versaoDeclaracao: string;
}
