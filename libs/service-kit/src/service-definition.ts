import { StreamDefinition } from '@fremskudt/contracts';
import { DataSourceOptions } from 'typeorm';

/** What makes one service: its name, its tables, its streams. The platform does the rest. */
export interface ServiceDefinition {
  name: string;
  defaultPort: number;
  /** OpenAPI title and description (Danish user-facing wording lives in the API texts). */
  title: string;
  description: string;
  entities: DataSourceOptions['entities'];
  migrations: DataSourceOptions['migrations'];
  produces: readonly StreamDefinition[];
  consumes: readonly StreamDefinition[];
}
