import type { Localization } from './localization'

/** German strings: every key of `enUS`, so nothing falls back to English. */
export const deDE: Localization = {
  locale: 'de-DE',
  emailList: {
    title: 'E-Mail-Adressen',
    loading: 'E-Mail-Adressen werden geladen…',
    empty: 'Noch keine E-Mail-Adressen.',
    loadFailed: 'Deine E-Mail-Adressen konnten nicht geladen werden.',
    retry: 'Erneut versuchen',
    actionsFor: (email) => `Aktionen für ${email}`,
  },
  badges: {
    primary: 'Primär',
    verified: 'Bestätigt',
    unverified: 'Nicht bestätigt',
    linkedTo: (provider) => `Verknüpft mit ${provider}`,
  },
  actions: {
    verify: 'Bestätigen',
    makePrimary: 'Als primär festlegen',
    remove: 'Entfernen',
    confirmRemove: (email) =>
      `${email} entfernen? Du kannst dich danach nicht mehr damit anmelden.`,
    confirm: 'Entfernen',
    cancel: 'Abbrechen',
    lastAddressCannotBeRemoved:
      'Du brauchst mindestens eine E-Mail-Adresse, daher kann diese nicht entfernt werden.',
    lastVerifiedCannotBeRemoved:
      'Du brauchst mindestens eine bestätigte E-Mail-Adresse. Bestätige zuerst eine andere, bevor du diese entfernst.',
    removed: (email) => `${email} wurde entfernt.`,
    madePrimary: (email) => `${email} ist jetzt deine primäre E-Mail-Adresse.`,
  },
  addEmailForm: {
    label: 'E-Mail-Adresse',
    placeholder: 'du@beispiel.de',
    submit: 'E-Mail-Adresse hinzufügen',
    submitting: 'Wird hinzugefügt…',
    required: 'Gib eine E-Mail-Adresse ein.',
    invalid: 'Gib eine gültige E-Mail-Adresse ein, z. B. name@beispiel.de.',
    tooLong: 'Diese E-Mail-Adresse ist für Mailserver zu lang. Verwende eine kürzere.',
    didYouMean: (suggestion) => `Meintest du ${suggestion}?`,
    useSuggestion: (suggestion) => `${suggestion} verwenden`,
  },
  verifyCode: {
    title: 'E-Mail-Adresse bestätigen',
    description: (email) => `Gib den Code ein, den wir an ${email} gesendet haben.`,
    label: 'Bestätigungscode',
    submit: 'Bestätigen',
    verifying: 'Code wird geprüft…',
    verified: (email) => `${email} ist bestätigt.`,
    incomplete: (length) => `Gib alle ${length} Ziffern des Codes ein.`,
  },
  prepare: {
    sendCode: 'Code senden',
    resendCode: 'Code erneut senden',
    sendLink: 'Link senden',
    resendLink: 'Link erneut senden',
    sending: 'Wird gesendet…',
    resendIn: (seconds) => `Erneut senden in ${seconds} s`,
    sent: (email) => `Wir haben eine Nachricht an ${email} gesendet.`,
    expiresIn: (time) => `Der Code läuft in ${time} ab.`,
    expired: 'Der Code ist abgelaufen. Fordere einen neuen an.',
  },
  emailLink: {
    title: 'Sieh in deinem Posteingang nach',
    description: (email) =>
      `Öffne den Link, den wir an ${email} gesendet haben. Diese Seite aktualisiert sich von selbst.`,
    waiting: 'Warten, bis der Link geöffnet wird…',
    ssoTitle: 'Mit deiner Organisation bestätigen',
    ssoDescription: (email) => `${email} gehört zur Einmalanmeldung deiner Organisation.`,
    continueSso: 'Weiter zur Anmeldung',
    landingVerified: 'Deine E-Mail-Adresse ist bestätigt. Du kannst diesen Tab schließen.',
    landingExpired: 'Dieser Link ist abgelaufen. Geh zurück und fordere einen neuen an.',
    landingFailed: 'Dieser Link konnte nicht verwendet werden. Geh zurück und versuche es erneut.',
    landingClientMismatch:
      'Dieser Link wurde in einem anderen Browser geöffnet als dem, der ihn angefordert hat. Geh dorthin zurück: Deine Adresse ist vielleicht schon bestätigt.',
    landingUnknown:
      'Wir konnten nicht feststellen, ob deine E-Mail-Adresse bestätigt ist. Geh zurück zum Tab, von dem du kommst.',
    landingBack: 'Zurück',
  },
  manager: {
    addAnother: 'E-Mail-Adresse hinzufügen',
    back: 'Andere Adresse verwenden',
    cancel: 'Abbrechen',
    done: 'Fertig',
    reverificationRequired: 'Bitte bestätige, dass du es bist, um fortzufahren.',
    addedUnverified: (email) =>
      `${email} wurde hinzugefügt, ist aber noch nicht bestätigt. Du kannst sie in der Liste bestätigen.`,
  },
  errors: {
    default: 'Etwas ist schiefgelaufen. Bitte versuche es erneut.',
    network_error:
      'Der Server ist nicht erreichbar. Prüfe deine Verbindung und versuche es erneut.',
    invalid_response: 'Der Server hat unerwartet geantwortet. Bitte versuche es erneut.',
    change_not_applied:
      'Die Antwort des Servers kam nicht an, deshalb haben wir dein Konto geprüft: Die Änderung wurde nicht vorgenommen, und die Liste ist aktuell. Du kannst es erneut versuchen.',
    change_unconfirmed:
      'Die Antwort des Servers kam nicht an, und wir konnten dein Konto auch nicht prüfen. Lade die Seite neu, um zu sehen, ob die Änderung vorgenommen wurde.',
    verification_unconfirmed:
      'Wir konnten nicht bestätigen, dass die Nachricht gesendet wurde. Wenn sie nicht in ein paar Minuten ankommt, fordere eine neue an.',
    form_identifier_exists__email_address:
      'Diese E-Mail-Adresse wird bereits verwendet. Bitte versuche eine andere.',
    form_param_format_invalid__email_address:
      'Gib eine gültige E-Mail-Adresse ein, z. B. name@beispiel.de.',
    form_param_nil: 'Dieses Feld ist erforderlich.',
    form_param_max_length_exceeded__email_address:
      'Diese E-Mail-Adresse ist für Mailserver zu lang. Verwende eine kürzere.',
    form_param_missing: 'Dieses Feld ist erforderlich.',
    form_email_address_blocked:
      'Diese E-Mail-Adresse kann nicht verwendet werden. Bitte versuche eine andere.',
    not_allowed_access: 'Diese E-Mail-Adresse ist nicht erlaubt. Bitte versuche eine andere.',
    too_many_unverified_identifications:
      'Du hast zu viele unbestätigte E-Mail-Adressen. Bestätige oder entferne zuerst eine.',
    form_code_incorrect: 'Dieser Code stimmt nicht. Prüfe ihn und versuche es erneut.',
    verification_expired: 'Der Code ist abgelaufen. Fordere einen neuen an.',
    verification_failed: 'Zu viele falsche Codes. Fordere einen neuen Code an.',
    verification_already_verified: 'Diese E-Mail-Adresse ist bereits bestätigt.',
    verification_not_sent: 'Fordere zuerst einen Code an.',
    verification_code_too_many_requests: 'Bitte warte kurz, bevor du einen neuen Code anforderst.',
    too_many_requests: 'Zu viele Anfragen. Bitte warte kurz und versuche es erneut.',
    identification_deletion_failed: 'Du kannst deine letzte E-Mail-Adresse nicht entfernen.',
    last_required_identification_deletion_failed:
      'Du brauchst mindestens eine bestätigte E-Mail-Adresse. Bestätige zuerst eine andere.',
    form_param_value_invalid__primary_email_address_id:
      'Nur eine bestätigte E-Mail-Adresse kann primär sein.',
    session_reverification_required: 'Bitte bestätige, dass du es bist, und versuche es erneut.',
    authentication_invalid: 'Deine Sitzung ist abgelaufen. Bitte melde dich erneut an.',
    resource_not_found: 'Diese E-Mail-Adresse gibt es nicht mehr. Lade die Seite neu.',
    internal_clerk_error: 'Der Server hatte ein Problem. Bitte versuche es erneut.',
    maintenance_mode:
      'Der Dienst wird gerade gewartet. Bitte versuche es in ein paar Minuten erneut.',
    authorization_invalid: 'Du darfst das nicht tun.',
    invalid_redirect_url: 'Der Bestätigungslink konnte nicht vorbereitet werden.',
  },
}
