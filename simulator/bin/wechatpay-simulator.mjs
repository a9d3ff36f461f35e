#!/usr/bin/env node
// The simulator is TypeScript run by tsx, so `npx wechatpay-simulator` needs no build step. Its
// sources are CommonJS (the package's type), so they load through tsx's require hook.
import { createRequire } from 'node:module';
import { register } from 'tsx/cjs/api';

register();
createRequire(import.meta.url)('../src/main.ts');
