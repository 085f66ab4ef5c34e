import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlContextType, GqlExecutionContext } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { forbidden, unauthenticated } from '../common/domain-error';
import { Environment } from '../config/environment';
import { Authentication, Role } from './actor';
import { grantOf } from './policy';
import { ROLES_KEY } from './roles.decorator';

/** Whether a request may read at all: a token that verified, or none where anonymous reading is on. */
export function mayRead({ actor, authError }: Authentication, publicRead: boolean): boolean {
  return !authError && (actor !== null || publicRead);
}

/**
 * Runs before every root field: an invalid token fails everything, a mutation needs a token whose
 * role POLICY (policy.ts) grants it at all, a query that states roles needs one of them (the audit
 * events, which name people, whatever PUBLIC_READ says), and any other query needs a token when
 * PUBLIC_READ is off. Whose records a coordinator may write the services ask the policy, inside
 * the write's transaction.
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
    const request = gql.getContext<Authentication>();
    const { actor, authError } = request;
    if (authError) throw authError;
    const info = gql.getInfo<GraphQLResolveInfo>();
    if (info.parentType.name === 'Mutation') {
      if (!actor) throw unauthenticated();
      if (grantOf(info.fieldName, actor.role) === 'none') throw forbidden(`The role ${actor.role} may not ${info.fieldName}`);
      return true;
    }
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, [context.getHandler(), context.getClass()]);
    if (roles) {
      if (!actor) throw unauthenticated();
      if (!roles.includes(actor.role)) throw forbidden(`The role ${actor.role} may not do this`);
      return true;
    }
    if (!mayRead(request, this.env.PUBLIC_READ)) throw unauthenticated('Anonymous reading is switched off; send a bearer token');
    return true;
  }
}
