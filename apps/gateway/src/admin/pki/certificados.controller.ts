import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsDateString,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { PortalValidationException } from '#common';
import { CERTIFICATE_DEFECTS, type CertificateDefect, type RevocationReason } from '#pki';
import { isValidCnpj, isValidCpf } from '#brazilian-ids';
import { CertificatesService } from '../../business/pki/certificates.service.js';
import { adminError } from '../admin-error.js';

const REVOCATION_REASONS: RevocationReason[] = [
  'unspecified',
  'keyCompromise',
  'cACompromise',
  'affiliationChanged',
  'superseded',
  'cessationOfOperation',
  'certificateHold',
  'privilegeWithdrawn',
  'aACompromise',
];

export class ResponsavelDto {
  @IsString() @Length(1, 150) nome: string;
  @Matches(/^\d{11}$/) cpf: string;
  @IsDateString() dataNascimento: string;
}

export class EmitirCertificadoDto {
  @IsIn(['e-CNPJ', 'e-CPF', 'EQUIPAMENTO'])
  tipo: 'e-CNPJ' | 'e-CPF' | 'EQUIPAMENTO';

  @IsOptional() @IsIn(['A1', 'A3']) nivel?: 'A1' | 'A3';

  /** Person (e-CPF) or company name; generated when absent. */
  @IsOptional() @IsString() @Length(1, 150) nome?: string;

  @IsOptional() @Matches(/^\d{14}$/) cnpj?: string;
  @IsOptional() @Matches(/^\d{11}$/) cpf?: string;

  /** Equipment: the URL or application name used as CN. */
  @IsOptional() @IsString() @Length(1, 200) cn?: string;

  @IsOptional() @IsString() @Length(1, 150) nomeEmpresarial?: string;

  @IsOptional() @ValidateNested() @Type(() => ResponsavelDto) responsavel?: ResponsavelDto;

  /** Deliberately bad certificates for negative tests. */
  @IsOptional() @IsIn(CERTIFICATE_DEFECTS as CertificateDefect[], { each: true }) defeitos?: CertificateDefect[];

  @IsOptional() @IsIn(['PrintableString', 'OctetString']) codificacao?: 'PrintableString' | 'OctetString';

  @IsOptional() @IsString() @Length(4, 100) senhaPkcs12?: string;

  @IsOptional() @IsInt() @Min(1) @Max(1825) validadeDias?: number;
}

export class RevogarCertificadoDto {
  @IsOptional() @IsIn(REVOCATION_REASONS) motivo?: RevocationReason;
}

/** ICP-Brasil-style test certificates (simulator extension): issue, list, revoke. */
@ApiTags('PKI')
@Controller('admin/certificados')
export class CertificadosController {
  constructor(private readonly certificates: CertificatesService) {}

  @Post()
  async issue(@Body() dto: EmitirCertificadoDto) {
    const errors = [
      ...(dto.cnpj && !isValidCnpj(dto.cnpj) ? [{ code: 'CNPJ_INVALIDO', field: 'cnpj', message: 'CNPJ com dígito verificador inválido.' }] : []),
      ...(dto.cpf && !isValidCpf(dto.cpf) ? [{ code: 'CPF_INVALIDO', field: 'cpf', message: 'CPF com dígito verificador inválido.' }] : []),
    ];
    if (errors.length > 0) throw new PortalValidationException(errors);
    const issued = await this.certificates.issueClient({
      tipo: dto.tipo,
      nivel: dto.nivel,
      nome: dto.nome ?? (dto.tipo === 'e-CPF' ? 'PESSOA DE TESTE SIMULADA' : 'EMPRESA DE TESTE SIMULADA LTDA'),
      cnpj: dto.cnpj,
      cpf: dto.cpf,
      cn: dto.cn,
      nomeEmpresarial: dto.nomeEmpresarial,
      responsavel: dto.responsavel,
      defeito: dto.defeitos,
      otherNameEncoding: dto.codificacao,
      pkcs12Password: dto.senhaPkcs12,
      validityDays: dto.validadeDias,
    });
    return {
      serialNumber: issued.serialNumber,
      tipo: issued.tipo,
      nivel: issued.nivel,
      commonName: issued.commonName,
      cnpj: issued.cnpj,
      cpf: issued.cpf,
      defeitos: issued.defeitos,
      notBefore: issued.notBefore,
      notAfter: issued.notAfter,
      certPem: issued.certPem,
      keyPem: issued.keyPem,
      chainPem: issued.chainPem,
      pkcs12Base64: issued.pkcs12Base64,
      pkcs12Password: issued.pkcs12Password,
    };
  }

  @Get()
  async list() {
    return (await this.certificates.list()).map((certificate) => ({
      serialNumber: certificate.serialNumber,
      tipo: certificate.tipo,
      nivel: certificate.nivel,
      commonName: certificate.commonName,
      cnpj: certificate.cnpj,
      cpf: certificate.cpf,
      defeitos: certificate.defects,
      notBefore: certificate.notBefore,
      notAfter: certificate.notAfter,
      revogadoEm: certificate.revokedAt,
      motivoRevogacao: certificate.revocationReason,
    }));
  }

  /** The CRL changes at once; every running gateway refuses the certificate from its next handshake on. */
  @Post(':serial/revogacao')
  @HttpCode(200)
  async revoke(@Param('serial') serial: string, @Body() dto: RevogarCertificadoDto) {
    if (!(await this.certificates.revoke(serial, dto.motivo))) {
      throw adminError(404, 'Certificado não encontrado ou já revogado.');
    }
    return { serialNumber: serial.toUpperCase(), revogado: true };
  }
}
