#!/usr/bin/env node
// The simulator is TypeScript run by tsx, so `npx wechatpay-simulator` needs no build step.
import { register } from 'tsx/esm/api';

register();
await import('../src/main.ts');
