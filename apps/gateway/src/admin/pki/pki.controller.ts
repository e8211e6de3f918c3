import { Body, Controller, Get, Header, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsInt, IsIP, IsOptional, IsString, Max, Min } from 'class-validator';
import { AuthorityService } from '#authority';
import { PortalValidationException, Public } from '#common';
import { CertificatesService } from '../../business/pki/certificates.service.js';

export class EmitirCertificadoServidorDto {
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  dnsNames?: string[];

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsIP(undefined, { each: true })
  ipAddresses?: string[];

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(3650)
  validadeDias?: number;
}

/** The simulator's test PKI (simulator extension): its CA and certificates for integrators' receivers. */
@ApiTags('PKI')
@Controller('admin/pki')
export class PkiController {
  constructor(
    private readonly authority: AuthorityService,
    private readonly certificates: CertificatesService,
  ) {}

  /** Public, like any CA certificate. */
  @Public()
  @Get('ca.pem')
  @Header('Content-Type', 'application/x-pem-file')
  caPem(): string {
    const { root, intermediate } = this.authority.caBundle();
    return root.certPem + intermediate.certPem;
  }

  /** Public: it is the CRL distribution point written in every certificate the PKI issues. */
  @Public()
  @Get('crl.pem')
  @Header('Content-Type', 'application/x-pem-file')
  async crlPem(): Promise<string> {
    const { intermediate, root } = await this.certificates.crls();
    return intermediate + root;
  }

  /**
   * A TLS server certificate for a receiver (EKU serverAuth), issued by the simulator's CA, which the
   * delivery engine trusts by default. Without names: localhost, 127.0.0.1 and ::1.
   */
  @Post('certificados-servidor')
  async issueServer(@Body() dto: EmitirCertificadoServidorDto) {
    try {
      const issued = await this.certificates.issueServer({
        dnsNames: dto.dnsNames,
        ipAddresses: dto.ipAddresses,
        validityDays: dto.validadeDias,
      });
      return {
        serialNumber: issued.serialNumber,
        certPem: issued.certPem,
        keyPem: issued.keyPem,
        chainPem: issued.chainPem,
        notBefore: issued.notBefore,
        notAfter: issued.notAfter,
      };
    } catch (error) {
      if (error instanceof RangeError) {
        throw new PortalValidationException([{ code: 'NOME_INVALIDO', field: 'dnsNames', message: error.message }]);
      }
      throw error;
    }
  }
}
