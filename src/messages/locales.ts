import en from './en.json';
import type { LocaleMessages } from './types';
import zhCN from './zh-CN.json';

/*
 * The words of each locale live in JSON, as data a translator edits: `messages` for every
 * status and code, `transfer` for where a merchant transfer differs (it is "received", not
 * "paid"). Typing them here makes a missing status or code a compile error.
 */

/** 简体中文, the default. Titles are at most 7 characters (`wx.showToast` with an icon shows no more). */
export const ZH_CN: LocaleMessages = zhCN;

/** English. Titles are short enough for `wx.showToast`. */
export const EN: LocaleMessages = en;
