/** The tag every message the main entry throws starts with. */
export const TAG = '[miniprogram-pay]';
