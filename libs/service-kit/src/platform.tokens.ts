export const PLATFORM_CONFIG = Symbol('PLATFORM_CONFIG');
/** The validated tenant configuration (TenantConfig), or null when TENANT_CONFIG_FILE is not set. */
export const TENANT_CONFIG = Symbol('TENANT_CONFIG');
