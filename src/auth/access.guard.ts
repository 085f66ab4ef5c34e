import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlContextType, GqlExecutionContext } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { forbidden, unauthenticated } from '../common/domain-error';
import { Environment } from '../config/environment';
import { RequestContext } from '../graphql/request-context';
import { Role } from './actor';
import { ROLES_KEY } from './roles.decorator';

/** Whether a request may read at all: a token that verified, or none where anonymous reading is on. */
export function mayRead({ actor, authError }: Pick<RequestContext, 'actor' | 'authError'>, publicRead: boolean): boolean {
  return !authError && (actor !== null || publicRead);
}

/**
 * Runs before every root field: an invalid token fails everything, a mutation needs one of the
 * roles it states, and so does a query that states roles (the audit events, which name people,
 * whatever PUBLIC_READ says); any other query needs a token when PUBLIC_READ is off. Per-record
 * rules (the coordinator scope) are the services' first lines.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly env: Environment,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType<GqlContextType>() !== 'graphql') return true;
    const gql = GqlExecutionContext.create(context);
    const request = gql.getContext<RequestContext>();
    const { actor, authError } = request;
    if (authError) throw authError;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, [context.getHandler(), context.getClass()]);
    const isMutation = gql.getInfo<GraphQLResolveInfo>().parentType.name === 'Mutation';
    if (roles || isMutation) {
      if (!actor) throw unauthenticated();
      if (!roles?.includes(actor.role)) throw forbidden(`The role ${actor.role} may not do this`);
      return true;
    }
    if (!mayRead(request, this.env.PUBLIC_READ)) throw unauthenticated('Anonymous reading is switched off; send a bearer token');
    return true;
  }
}
