import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Min } from 'class-validator';
import { LimitDto } from '#common';
import { ReceiptsService } from './receipts.service.js';

export class ListReceiptsDto extends LimitDto {
  /** Receipts after this sequence number. */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  apos: number = 0;
}

/** The receipts (every HTTP 200) and the verification of their hash chain. */
@ApiTags('Recibos')
@Controller('admin/recibos')
export class RecibosController {
  constructor(private readonly receipts: ReceiptsService) {}

  @Get()
  list(@Query() query: ListReceiptsDto) {
    return this.receipts.list(query.apos, query.limit);
  }

  /** Recomputes every hash; names the first broken link. */
  @Get('verificacao')
  verify() {
    return this.receipts.verify();
  }
}
