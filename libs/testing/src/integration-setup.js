// Integration and e2e tests talk to real PostgreSQL and Kafka: give them room.
jest.setTimeout(120_000);
