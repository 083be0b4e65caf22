import { QueryFailedError, QueryRunnerAlreadyReleasedError, QueryRunnerProviderAlreadyReleasedError } from 'typeorm';
import { isDatabaseUnavailable } from './postgres-errors';

const pgError = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('isDatabaseUnavailable', () => {
  it.each([
    [
      'the server refusing connections (down)',
      Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
    ],
    ['a reset socket', Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' })],
    [
      'a fast shutdown cutting a session (57P01)',
      pgError('57P01', 'terminating connection due to administrator command'),
    ],
    ['a server starting up or shutting down (57P03)', pgError('57P03', 'the database system is starting up')],
    ['a connection exception (class 08)', pgError('08006', 'connection failure')],
    ['node-postgres losing the connection', new Error('Connection terminated unexpectedly')],
    [
      'node-postgres refusing a broken client',
      new Error('Client has encountered a connection error and is not queryable'),
    ],
    ['a pool connect timeout', new Error('timeout exceeded when trying to connect')],
    [
      'TypeORM’s wrapper around a lost connection',
      new QueryFailedError('SELECT 1', [], new Error('Connection terminated unexpectedly')),
    ],
    [
      'both addresses of localhost refused (AggregateError)',
      new AggregateError([Object.assign(new Error('connect ECONNREFUSED ::1:5432'), { code: 'ECONNREFUSED' })]),
    ],
    ['the next query of a transaction whose connection was lost', new QueryRunnerAlreadyReleasedError()],
    [
      'the next query on a transaction manager whose connection was lost',
      new QueryRunnerProviderAlreadyReleasedError(),
    ],
    ['a cause further down', new Error('outer', { cause: pgError('57P01') })],
  ])('is true for %s', (_what, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ['a unique violation', new QueryFailedError('INSERT', [], pgError('23505', 'duplicate key'))],
    ['a serialization failure', pgError('40001', 'could not serialize access')],
    ['a statement timeout', pgError('57014', 'canceling statement due to statement timeout')],
    ['a plain error', new Error('Reply abc has no version 3')],
    ['nothing', undefined],
    ['a string', 'Connection terminated'],
  ])('is false for %s', (_what, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});
