/**
 * `GET /v1/environment` (and the `POST ?_method=PATCH` touch development keys send on load,
 * PROTOCOL §1.12): the instance settings a UI needs to pick a strategy (§2.4), in Clerk's shape.
 */
import type { View } from './serialize'

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

/**
 * The environment object (bare, no envelope).
 * @example environmentJSON(view).user_settings.attributes.email_address.verifications // ['email_code', 'email_link']
 */
export function environmentJSON(view: View) {
  const { settings } = view.state
  // enterprise_sso is chosen per address (matches_sso_connection), not listed as a verification.
  const verifications = settings.strategies.filter((s) => s !== 'enterprise_sso')
  const sso = settings.ssoDomains.length > 0 && settings.strategies.includes('enterprise_sso')
  const email: AttributeJSON = {
    ...OFF,
    enabled: true,
    required: true,
    used_for_first_factor: true,
    first_factors: verifications,
    verifications,
    verify_at_sign_up: true,
  }
  return {
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
      first_factors: verifications,
      second_factors: [],
      email_address_verification_strategies: verifications,
      single_session_mode: true,
      enhanced_email_deliverability: false,
      test_mode: settings.testMode,
      url_based_session_syncing: true,
      claimed_at: null,
      reverification: true,
    },
    display_config: {
      object: 'display_config',
      id: 'display_config_emulator',
      instance_environment_type: 'development',
      application_name: 'react-email-addresses emulator',
      home_url: view.base,
      sign_in_url: `${view.base}/sign-in`,
      sign_up_url: `${view.base}/sign-up`,
      user_profile_url: `${view.base}/user`,
      after_sign_in_url: view.base,
      after_sign_up_url: view.base,
      support_email: null,
      branded: false,
      show_devmode_warning: false,
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
      enterprise_sso: { enabled: sso },
      restrictions: {
        allowlist: { enabled: false },
        blocklist: { enabled: settings.blockedDomains.length > 0 },
        block_email_subaddresses: { enabled: false },
        block_disposable_email_domains: { enabled: false },
      },
    },
    organization_settings: { enabled: false, max_allowed_memberships: 5, actions: {}, domains: {} },
    maintenance_mode: false,
    client_debug_mode: false,
    partitioned_cookies: false,
  }
}
