import { ArgumentsHost, Catch } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import { GqlContextType } from '@nestjs/graphql';

/**
 * Hands a resolver's error to Apollo as it is. Without it Nest's own handler logs every error a
 * resolver throws at level error, a caller's bad input and unknown ids included; the GraphQL
 * error-logging plugin decides what an operator must see (with the request's id), and the error
 * formatter what the caller is told. HTTP routes keep Nest's handling.
 */
@Catch()
export class ResolverErrorsFilter extends BaseExceptionFilter {
  override catch(exception: unknown, host: ArgumentsHost): void {
    // Thrown again, not returned: graphql-js takes a returned value for data unless it is an Error
    // of its own realm, and a driver's error need not be.
    if (host.getType<GqlContextType>() === 'graphql') throw exception;
    super.catch(exception, host);
  }
}
