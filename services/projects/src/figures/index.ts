import { Module } from '@nestjs/common';
import { FiguresController } from './figures.controller';
import { FiguresService } from './figures.service';

/** The projects' figures (queries over participants, progress, milestones and recruitment; no tables of its own). */
@Module({ controllers: [FiguresController], providers: [FiguresService] })
export class FiguresModule {}
