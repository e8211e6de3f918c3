import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsOptional, IsString, Length, Matches, MaxLength, ValidateIf } from 'class-validator';
import { type IntervenienteTipo, UFS } from '#catalog';
import type { Interveniente } from '#database';

export class CreateIntervenienteDto {
  /** CNPJ (14 digits) or CPF (11 digits). */
  @Matches(/^(\d{11}|\d{14})$/, { message: 'ni deve ser um CPF (11 dígitos) ou CNPJ (14 dígitos)' })
  ni: string;

  @IsString()
  @Length(1, 150)
  nome: string;

  @IsIn(['SEFAZ', 'ANUENTE', 'PRIVADO'])
  tipo: IntervenienteTipo;

  @ValidateIf((dto: CreateIntervenienteDto) => dto.tipo === 'SEFAZ' || dto.uf !== undefined)
  @IsIn(UFS, { message: 'uf deve ser uma UF brasileira (obrigatória para SEFAZ)' })
  uf?: string;

  @ValidateIf((dto: CreateIntervenienteDto) => dto.tipo === 'ANUENTE' || dto.orgao !== undefined)
  @Matches(/^[A-Z0-9-]{2,20}$/, { message: 'orgao deve ser a sigla do órgão anuente (obrigatória para ANUENTE)' })
  orgao?: string;

  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,40}$/)
  systemCode?: string;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(20, { each: true })
  roleTypes?: string[];

  @IsOptional()
  @IsBoolean()
  ativo?: boolean;
}

export class UpdateIntervenienteDto {
  @IsOptional()
  @IsString()
  @Length(1, 150)
  nome?: string;

  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,40}$/)
  systemCode?: string;

  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  roleTypes?: string[];

  @IsOptional()
  @IsBoolean()
  ativo?: boolean;
}

export function toIntervenienteView(interveniente: Interveniente) {
  return {
    id: interveniente.id,
    ni: interveniente.ni,
    nome: interveniente.name,
    tipo: interveniente.tipo,
    uf: interveniente.uf,
    orgao: interveniente.orgao,
    systemCode: interveniente.systemCode,
    roleTypes: interveniente.roleTypes,
    ativo: interveniente.active,
  };
}
