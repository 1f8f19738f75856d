import { Param, ParseUUIDPipe } from '@nestjs/common';

/** A path id: a v4 UUID (400 otherwise). */
export const IdParam = (name = 'id') => Param(name, new ParseUUIDPipe({ version: '4' }));
