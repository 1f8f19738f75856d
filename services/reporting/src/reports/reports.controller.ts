import { Controller, Get, Inject, Param, Query, Req, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiParam, ApiProduces, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import type { Request, Response } from 'express';
import { Allow, Language, RoleGroups, languageOf } from '@fremskudt/service-kit';
import { ReportsService } from './reports.service';

export class ReportQuery {
  @ApiPropertyOptional({ enum: ['da', 'en'], description: 'Rapportens sprog; udeladt: efter Accept-Language (dansk som standard)' })
  @IsOptional()
  @IsIn(['da', 'en'])
  lang?: Language;
}

@ApiTags('reports')
@Controller('reports')
export class ReportsController {
  constructor(@Inject(ReportsService) private readonly reports: ReportsService) {}

  @Allow(...RoleGroups.reportReaders)
  @Get(':period.html')
  @ApiProduces('text/html')
  @ApiParam({ name: 'period', example: '2014', description: 'Perioden: 2014, 2014-h1, 2014-q2, 2014-05 eller 2016-05-01--2016-09-30' })
  @ApiOkResponse({ description: 'Rapporten til udskrift: målstatus med grundlag, indikatortabel med sammenligning, progression og Åben Rådgivning' })
  @ApiBadRequestResponse({ description: 'Ugyldig periode eller sprog' })
  async report(@Param('period') period: string, @Query() query: ReportQuery, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<string> {
    const { html, fileName } = await this.reports.html(period, query.lang ?? languageOf(request));
    response.type('text/html; charset=utf-8');
    response.setHeader('content-disposition', `inline; filename="${fileName}"`);
    return html;
  }
}
