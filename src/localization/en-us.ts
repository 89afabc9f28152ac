/**
 * The English strings of every component, including accessible names and the message for each FAPI
 * error code. Its shape is the `Localization` type: a translation must provide every key.
 */
export const enUS = {
  locale: 'en-US',
  emailList: {
    title: 'Email addresses',
    loading: 'Loading email addresses…',
    empty: 'No email addresses yet.',
    loadFailed: 'Your email addresses could not be loaded.',
    retry: 'Try again',
    actionsFor: (email: string) => `Actions for ${email}`,
  },
  badges: {
    primary: 'Primary',
    verified: 'Verified',
    unverified: 'Unverified',
    linkedTo: (provider: string) => `Linked to ${provider}`,
  },
  actions: {
    verify: 'Verify',
    makePrimary: 'Make primary',
    remove: 'Remove',
    confirmRemove: (email: string) =>
      `Remove ${email}? You will no longer be able to sign in with it.`,
    confirm: 'Remove',
    cancel: 'Cancel',
    lastAddressCannotBeRemoved:
      'You need at least one email address, so this one cannot be removed.',
    lastVerifiedCannotBeRemoved:
      'You need at least one verified email address. Verify another one before you remove this one.',
    removed: (email: string) => `${email} was removed.`,
    madePrimary: (email: string) => `${email} is now your primary email address.`,
  },
  addEmailForm: {
    label: 'Email address',
    placeholder: 'you@example.com',
    submit: 'Add email address',
    submitting: 'Adding…',
    required: 'Enter an email address.',
    invalid: 'Enter a valid email address, like name@example.com.',
    tooLong: 'This email address is too long for mail servers. Use a shorter one.',
    didYouMean: (suggestion: string) => `Did you mean ${suggestion}?`,
    useSuggestion: (suggestion: string) => `Use ${suggestion}`,
  },
  verifyCode: {
    title: 'Verify your email address',
    description: (email: string) => `Enter the code we sent to ${email}.`,
    label: 'Verification code',
    submit: 'Verify',
    verifying: 'Checking the code…',
    verified: (email: string) => `${email} is verified.`,
    incomplete: (length: number) => `Enter all ${length} digits of the code.`,
  },
  prepare: {
    sendCode: 'Send code',
    resendCode: 'Resend code',
    sendLink: 'Send link',
    resendLink: 'Resend link',
    sending: 'Sending…',
    resendIn: (seconds: number) => `Resend in ${seconds}s`,
    sent: (email: string) => `We sent a message to ${email}.`,
    expiresIn: (time: string) => `The code expires in ${time}.`,
    expired: 'The code has expired. Send a new one.',
  },
  emailLink: {
    title: 'Check your inbox',
    description: (email: string) =>
      `Open the link we sent to ${email}. This page updates by itself.`,
    waiting: 'Waiting for the link to be opened…',
    ssoTitle: 'Verify with your organization',
    ssoDescription: (email: string) => `${email} belongs to your organization's single sign-on.`,
    continueSso: 'Continue to sign-on',
    landingVerified: 'Your email address is verified. You can close this tab and go back.',
    landingExpired: 'This link has expired. Go back and send a new one.',
    landingFailed: 'This link could not be used. Go back and try again.',
    landingClientMismatch:
      'This link was opened in another browser than the one that asked for it. Go back there: your address may be verified already.',
    landingUnknown:
      'We could not tell whether your email address is verified. Go back to the tab you came from to see its state.',
    landingBack: 'Go back',
  },
  manager: {
    addAnother: 'Add an email address',
    back: 'Use a different address',
    cancel: 'Cancel',
    done: 'Done',
    reverificationRequired: 'Please confirm it is you to continue.',
    addedUnverified: (email: string) =>
      `${email} was added but is not verified yet. You can verify it from the list.`,
  },
  errors: {
    default: 'Something went wrong. Please try again.',
    network_error: 'Could not reach the server. Check your connection and try again.',
    invalid_response: 'The server sent an unexpected answer. Please try again.',
    change_not_applied:
      'The server’s answer did not come through, so we checked your account: the change was not made, and the list is up to date. You can try again.',
    change_unconfirmed:
      'The server’s answer did not come through, and we could not check your account either. Reload the page to see whether the change was made.',
    verification_unconfirmed:
      'We could not confirm that the message was sent. If it does not arrive in a few minutes, send a new one.',
    form_identifier_exists__email_address: 'This email address is taken. Please try another.',
    form_param_format_invalid__email_address: 'Enter a valid email address, like name@example.com.',
    form_param_nil: 'This field is required.',
    form_param_max_length_exceeded__email_address:
      'This email address is too long for mail servers. Use a shorter one.',
    form_param_missing: 'This field is required.',
    form_email_address_blocked: 'This email address cannot be used. Please try another.',
    not_allowed_access: 'This email address is not allowed. Please try another.',
    too_many_unverified_identifications:
      'You have too many unverified email addresses. Verify or remove one first.',
    form_code_incorrect: 'That code is not right. Check it and try again.',
    verification_expired: 'The code has expired. Send a new one.',
    verification_failed: 'Too many wrong codes. Send a new code to try again.',
    verification_already_verified: 'This email address is already verified.',
    verification_not_sent: 'Send a code first.',
    verification_code_too_many_requests: 'Please wait a moment before asking for another code.',
    too_many_requests: 'Too many requests. Please wait a moment and try again.',
    identification_deletion_failed: 'You cannot remove your last email address.',
    last_required_identification_deletion_failed:
      'You need at least one verified email address. Verify another one first.',
    form_param_value_invalid__primary_email_address_id:
      'Only a verified email address can be your primary one.',
    session_reverification_required: 'Please confirm it is you, then try again.',
    authentication_invalid: 'Your session has ended. Please sign in again.',
    resource_not_found: 'This email address no longer exists. Refresh the page.',
    internal_clerk_error: 'The server had a problem. Please try again.',
    maintenance_mode: 'The service is under maintenance. Please try again in a few minutes.',
    authorization_invalid: 'You are not allowed to do this.',
    invalid_redirect_url: 'The verification link could not be prepared.',
  } as Record<string, string> & { default: string },
}
