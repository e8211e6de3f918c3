import { Type } from 'class-transformer';
import { IsArray, IsBoolean, IsIn, IsOptional, IsString, Length, MaxLength, ValidateNested } from 'class-validator';
import { GERADORES_GUIA_ICMS, type GeradorGuiaIcms, TIPOS_RETORNO_ICMS, type TipoRetornoIcms } from '#domain';
import { DeclaracaoIcmsDto } from './declaracao-icms.dto.js';
import { GuiaIcmsCreditoDto } from './guia-icms-credito.dto.js';
import { IsAnoMes, IsCpf, IsData, IsDataHora, IsValor, Obrigatorio } from './portal-formats.js';

type Dados = SefazDadosIcmsDto;

// The conditions of the model's "(*) Obrigatório se ..." notes (pcce-models.txt), named once.
const naoIndeferido = (dto: Dados) => dto.tipoRetorno !== 'INDEFERIDO';
const aPagar = (dto: Dados) => dto.tipoRetorno === 'CALCULADO_A_PAGAR';
const semValorNaoExoneracaoIntegral = (dto: Dados) =>
  dto.tipoRetorno === 'SEM_VALOR_A_PAGAR' && dto.tipoSolicitacao !== 'EXONERACAO_INTEGRAL_DUIMP';
const exoneracao = (dto: Dados) =>
  (dto.tipoSolicitacao === 'EXONERACAO_PAG_PARCIAL_DUIMP' || dto.tipoSolicitacao === 'EXONERACAO_INTEGRAL_DUIMP') && naoIndeferido(dto);
const comPagamentoParcial = (dto: Dados) =>
  (dto.tipoSolicitacao === 'PAGAMENTO_PARCIAL_DUIMP' || dto.tipoSolicitacao === 'EXONERACAO_PAG_PARCIAL_DUIMP') && naoIndeferido(dto);
const comValorARecolher = (dto: Dados) =>
  ['PAGAMENTO_PARCIAL_DUIMP', 'EXONERACAO_PAG_PARCIAL_DUIMP', 'PAGAMENTO_INTEGRAL_DUIMP'].includes(dto.tipoSolicitacao) && naoIndeferido(dto);

const SE_EXONERACAO = 'quando tipoSolicitacao = EXONERACAO_PAG_PARCIAL_DUIMP ou EXONERACAO_INTEGRAL_DUIMP e tipoRetorno ≠ INDEFERIDO';
const SE_SEM_VALOR = 'quando tipoRetorno = SEM_VALOR_A_PAGAR e tipoSolicitacao ≠ EXONERACAO_INTEGRAL_DUIMP';
const SE_NAO_INDEFERIDO = 'quando tipoRetorno ≠ INDEFERIDO';

/**
 * `SefazDadosIcmsDto`: the Sefaz's answer to a calculation request (`POST /pcce/api/ext/sefaz/icms`).
 * Field names as the model spells them (`valorCifPagamento`, `valorTotalaRecolher`). The one rule that
 * needs the Duimp (`valorAfrmm` for a maritime Duimp) is checked by the service.
 */
export class SefazDadosIcmsDto extends DeclaracaoIcmsDto {
  @IsOptional()
  @IsString()
  @Length(1, 100)
  autenticidadeGlme?: string;

  @Obrigatorio<Dados>((dto) => dto.iniciativaSefaz === true, 'quando iniciativaSefaz = true')
  @IsCpf()
  cpfSolicitante?: string;

  @Obrigatorio<Dados>(semValorNaoExoneracaoIntegral, SE_SEM_VALOR)
  @IsDataHora()
  dataConfirmacaoCredito?: string;

  @Obrigatorio<Dados>((dto) => aPagar(dto) && dto.geradorGuia === 'GNRE', 'quando tipoRetorno = CALCULADO_A_PAGAR e geradorGuia = GNRE')
  @IsData()
  dataLimiteGeracaoGuiaGnre?: string;

  @Obrigatorio<Dados>((dto) => dto.valorDespesasAduaneiras !== undefined && dto.valorDespesasAduaneiras !== null, 'quando valorDespesasAduaneiras é informado')
  @IsString()
  @MaxLength(400)
  descricaoDespesasAduaneiras?: string;

  // pagamentoFracionado is optional: left out, the payment is not split.
  @Obrigatorio<Dados>((dto) => aPagar(dto) && dto.pagamentoFracionado !== true, 'quando tipoRetorno = CALCULADO_A_PAGAR e pagamentoFracionado = false')
  @IsIn(GERADORES_GUIA_ICMS)
  geradorGuia?: GeradorGuiaIcms;

  @Obrigatorio<Dados>((dto) => aPagar(dto) && dto.geradorGuia === 'ESTADO', 'quando tipoRetorno = CALCULADO_A_PAGAR e geradorGuia = ESTADO')
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => GuiaIcmsCreditoDto)
  guias?: GuiaIcmsCreditoDto[];

  @Obrigatorio()
  @IsBoolean()
  iniciativaSefaz: boolean;

  @Obrigatorio<Dados>((dto) => dto.tipoRetorno === 'INDEFERIDO', 'quando tipoRetorno = INDEFERIDO')
  @IsString()
  @Length(1, 300)
  justificativaIndeferimento?: string;

  // Either number identifies the GLME: numeroGlme is asked for only when autenticidadeGlme is missing too.
  @Obrigatorio<Dados>(
    (dto) => exoneracao(dto) && (dto.autenticidadeGlme === undefined || dto.autenticidadeGlme === null),
    `(ou autenticidadeGlme) ${SE_EXONERACAO}`,
  )
  @IsString()
  @Length(1, 100)
  numeroGlme?: string;

  @Obrigatorio<Dados>(
    (dto) => dto.tipoSolicitacao === 'MANDADO_JUDICIAL_DUIMP' && naoIndeferido(dto),
    'quando tipoSolicitacao = MANDADO_JUDICIAL_DUIMP e tipoRetorno ≠ INDEFERIDO',
  )
  @IsString()
  @Length(1, 30)
  numeroMandadoJudicial?: string;

  @IsOptional()
  @IsBoolean()
  pagamentoFracionado?: boolean;

  @Obrigatorio<Dados>(naoIndeferido, SE_NAO_INDEFERIDO)
  @IsAnoMes()
  periodoReferencia?: string;

  @Obrigatorio()
  @IsIn(TIPOS_RETORNO_ICMS)
  tipoRetorno: TipoRetornoIcms;

  @IsOptional()
  @IsValor()
  valorAfrmm?: number;

  @Obrigatorio<Dados>(exoneracao, SE_EXONERACAO)
  @IsValor()
  valorCIFExonerado?: number;

  @Obrigatorio<Dados>(naoIndeferido, SE_NAO_INDEFERIDO)
  @IsValor()
  valorCalculado?: number;

  @Obrigatorio<Dados>(comPagamentoParcial, 'quando tipoSolicitacao = PAGAMENTO_PARCIAL_DUIMP ou EXONERACAO_PAG_PARCIAL_DUIMP e tipoRetorno ≠ INDEFERIDO')
  @IsValor()
  valorCifPagamento?: number;

  @IsOptional()
  @IsValor()
  valorDespesasAduaneiras?: number;

  @Obrigatorio<Dados>(semValorNaoExoneracaoIntegral, SE_SEM_VALOR)
  @IsValor()
  valorTotalCredito?: number;

  @Obrigatorio<Dados>(naoIndeferido, SE_NAO_INDEFERIDO)
  @IsValor()
  valorTotalDevido?: number;

  @Obrigatorio<Dados>(
    comValorARecolher,
    'quando tipoSolicitacao = PAGAMENTO_INTEGRAL_DUIMP, PAGAMENTO_PARCIAL_DUIMP ou EXONERACAO_PAG_PARCIAL_DUIMP e tipoRetorno ≠ INDEFERIDO',
  )
  @IsValor()
  valorTotalaRecolher?: number;
}
