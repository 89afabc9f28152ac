/**
 * `GET /v1/environment` (and the `POST ?_method=PATCH` touch development keys send on load,
 * PROTOCOL §1.12): the instance as Clerk's UI reads it, in the shape of the spec's
 * `Client.Environment` with every field it marks required.
 *
 * The values describe a fresh Clerk development instance whose only identifier is the email address
 * (no password, phone, username, names, social or Web3 sign-in, no second factors, organizations,
 * billing or API keys), because clerk-js fills in defaults for whatever is missing and Clerk's UI then
 * shows sections the emulator cannot serve. Where the emulator deliberately differs from such an
 * instance, the line says so. A seed's `environment` is laid over the result.
 */
import type { View } from './serialize'
import type { EnvironmentOverlay, EnvironmentOverlayValue } from './types'

/** Clerk's `UserSettings.Attribute`. */
interface AttributeJSON {
  enabled: boolean
  required: boolean
  used_for_first_factor: boolean
  first_factors: string[]
  used_for_second_factor: boolean
  second_factors: string[]
  verifications: string[]
  verify_at_sign_up: boolean
  immutable: boolean
}

const OFF: AttributeJSON = {
  enabled: false,
  required: false,
  used_for_first_factor: false,
  first_factors: [],
  used_for_second_factor: false,
  second_factors: [],
  verifications: [],
  verify_at_sign_up: false,
  immutable: false,
}

const DISABLED = { enabled: false }

/** Clerk's default theme of a new application, as development instances serve it. */
const THEME = {
  buttons: { font_color: '#ffffff', font_family: 'sans-serif', font_weight: '600' },
  general: {
    color: '#6c47ff',
    padding: '1em',
    box_shadow: '0 2px 8px rgba(0, 0, 0, 0.2)',
    font_color: '#151515',
    font_family: 'sans-serif',
    border_radius: '0.5em',
    background_color: '#ffffff',
    label_font_weight: '600',
  },
  accounts: { background_color: '#ffffff' },
}

/** The password rules Clerk applies by default (unused here: passwords are off). */
const PASSWORD_SETTINGS = {
  disable_hibp: false,
  disable_password_reverification: false,
  min_length: 8,
  max_length: 72,
  require_special_char: false,
  require_numbers: false,
  require_uppercase: false,
  require_lowercase: false,
  show_zxcvbn: false,
  min_zxcvbn_strength: 0,
  enforce_hibp_on_sign_in: false,
  allowed_special_characters: '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~',
}

function isPlainObject(value: unknown): value is EnvironmentOverlay {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * `overlay` laid over `base`: objects merge key by key, anything else (arrays included) replaces.
 * @example overlayJSON({ a: { b: 1, c: 2 } }, { a: { c: 3 } }) // { a: { b: 1, c: 3 } }
 */
export function overlayJSON<T>(base: T, overlay: EnvironmentOverlayValue | undefined): T {
  if (!isPlainObject(overlay) || !isPlainObject(base)) {
    return overlay === undefined ? base : (overlay as T)
  }
  const out: Record<string, unknown> = { ...base }
  for (const [key, value] of Object.entries(overlay)) {
    out[key] = overlayJSON(out[key], value)
  }
  return out as T
}

/**
 * The environment object (bare, no envelope), with the seed's `environment` laid over it.
 * @example environmentJSON(view).user_settings.attributes.email_address.verifications // ['email_code']
 */
export function environmentJSON(view: View) {
  const { settings } = view.state
  // enterprise_sso is chosen per address (matches_sso_connection), not listed as a verification.
  const verifications = settings.strategies.filter((s) => s !== 'enterprise_sso')
  const sso = settings.ssoDomains.length > 0 && settings.strategies.includes('enterprise_sso')
  // Email is the instance's one identifier: enabled, required, signed in with a code (the only
  // first factor the emulator has: no passwords, no passkeys).
  const email: AttributeJSON = {
    ...OFF,
    enabled: true,
    required: true,
    used_for_first_factor: true,
    first_factors: ['email_code'],
    verifications,
    verify_at_sign_up: true,
  }
  const url = (path: string) => `${view.base}${path}`
  const generated = {
    auth_config: {
      object: 'auth_config',
      id: 'aac_emulator',
      first_name: 'off',
      last_name: 'off',
      email_address: 'required',
      phone_number: 'off',
      username: 'off',
      password: 'off',
      identification_requirements: [['email_address']],
      identification_strategies: ['email_address'],
      first_factors: ['email_code'],
      second_factors: [],
      email_address_verification_strategies: verifications,
      single_session_mode: true,
      enhanced_email_deliverability: false,
      test_mode: settings.testMode,
      url_based_session_syncing: true,
      claimed_at: null,
      reverification: true,
      native_settings: {
        object: 'native_settings',
        api_enabled: false,
        trusted_device_sign_in_enabled: false,
        trusted_device_enrollment_prompt_after_sign_in_enabled: false,
        trusted_device_enrollment_prompt_after_sign_up_enabled: false,
      },
    },
    display_config: {
      object: 'display_config',
      id: 'display_config_emulator',
      instance_environment_type: 'development',
      application_name: 'react-email-addresses emulator',
      theme: THEME,
      // The instance has no passwords, so its users sign in with a one-time code.
      preferred_sign_in_strategy: 'otp',
      logo_image_url: null,
      favicon_image_url: null,
      home_url: view.base,
      sign_in_url: url('/sign-in'),
      sign_up_url: url('/sign-up'),
      user_profile_url: url('/user'),
      waitlist_url: url('/waitlist'),
      oauth_consent_url: url('/oauth-consent'),
      after_sign_in_url: view.base,
      after_sign_up_url: view.base,
      after_sign_out_one_url: url('/sign-in'),
      after_sign_out_all_url: url('/sign-in'),
      after_switch_session_url: view.base,
      after_join_waitlist_url: view.base,
      organization_profile_url: url('/organization'),
      create_organization_url: url('/create-organization'),
      after_leave_organization_url: view.base,
      after_create_organization_url: view.base,
      logo_link_url: view.base,
      support_email: null,
      // Development instances carry Clerk's branding and "Development mode" label.
      branded: true,
      experimental_force_oauth_first: false,
      clerk_js_version: null,
      show_devmode_warning: true,
      google_one_tap_client_id: null,
      help_url: null,
      privacy_policy_url: null,
      terms_url: null,
      logo_url: null,
      favicon_url: null,
      logo_image: null,
      favicon_image: null,
      // No bot protection: its widget would load Cloudflare's script from the internet.
      captcha_public_key: null,
      captcha_widget_type: null,
      captcha_public_key_invisible: null,
      captcha_provider: null,
      captcha_oauth_bypass: [],
      captcha_heartbeat: false,
    },
    user_settings: {
      attributes: {
        email_address: email,
        phone_number: OFF,
        username: OFF,
        web3_wallet: OFF,
        first_name: OFF,
        last_name: OFF,
        password: OFF,
        authenticator_app: OFF,
        ticket: OFF,
        backup_code: OFF,
        passkey: OFF,
      },
      social: {},
      saml: { enabled: sso },
      enterprise_sso: { enabled: sso, self_serve_sso: false },
      sign_in: { second_factor: { required: false } },
      sign_up: {
        captcha_enabled: false,
        captcha_widget_type: 'smart',
        custom_action_required: false,
        progressive: true,
        mode: 'public',
        legal_consent_enabled: false,
      },
      restrictions: {
        allowlist: DISABLED,
        blocklist: { enabled: settings.blockedDomains.length > 0 },
        allowlist_blocklist_disabled_on_sign_in: DISABLED,
        block_email_subaddresses: DISABLED,
        block_disposable_email_domains: DISABLED,
      },
      password_settings: PASSWORD_SETTINGS,
      username_settings: {
        min_length: 4,
        max_length: 64,
        allow_extended_special_characters: false,
        allow_numeric_usernames: false,
      },
      actions: {
        // Differs from Clerk, which lets users delete their account by default: the emulator has no
        // `DELETE /v1/me`, so offering it would only lead to a 404 (the user's `delete_self_enabled`
        // agrees). Organizations are off, so creating one is too.
        delete_self: false,
        create_organization: false,
        create_organizations_limit: null,
      },
      attack_protection: {
        user_lockout: { enabled: true, max_attempts: 100, duration_in_minutes: 60 },
        pii: DISABLED,
        // Clerk's default; it concerns sign-in and sign-up links, which the emulator does not serve.
        email_link: { require_same_client: true },
        enumeration_protection: DISABLED,
      },
      passkey_settings: {
        allow_autofill: true,
        show_sign_in_button: true,
        satisfies_second_factor: true,
      },
    },
    organization_settings: {
      enabled: false,
      max_allowed_memberships: 5,
      actions: { admin_delete: true },
      domains: { enabled: false, enrollment_modes: [], default_role: 'org:member' },
      slug: { disabled: false },
      creator_role: 'org:admin',
    },
    fraud_settings: { object: 'fraud_settings', native: { device_attestation_mode: 'disabled' } },
    commerce_settings: {
      billing: {
        stripe_publishable_key: null,
        free_trial_requires_payment_method: false,
        user: { enabled: false, has_paid_plans: false },
        organization: { enabled: false, has_paid_plans: false },
      },
    },
    api_keys_settings: {
      enabled: false,
      user_api_keys_enabled: false,
      orgs_api_keys_enabled: false,
    },
    // No Clerk Protect loaders: each would be a script from the internet.
    protect_config: { loaders: [] },
    maintenance_mode: false,
    client_debug_mode: false,
    partitioned_cookies: false,
  }
  return overlayJSON(generated, view.state.environment)
}
