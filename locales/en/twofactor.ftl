# Two-factor sign-in for staff and admins.

tfa-code-title = Enter your security code
tfa-code-lead = Staff accounts need a second step to sign in. Open the authenticator app on your phone and enter the code it shows for knowbridge.
tfa-code-label = Security code
tfa-code-hint = The 6-digit code from your app, or one of your recovery codes
tfa-code-submit = Continue
tfa-lost-title = If you cannot use your phone
tfa-lost-text = Enter one of the recovery codes you saved when you set up the app. Each recovery code works once. If you have none left, ask an administrator to reset your second factor.

tfa-setup-title = Set up two-factor sign-in
tfa-setup-lead = Staff accounts can see and decide things about other people, so they are protected by a code from an app on your phone as well as your password. You only need to do this once.
tfa-setup-step-app = Install an authenticator app
tfa-setup-step-app-text = For example Google Authenticator, Microsoft Authenticator or FreeOTP. Any app that supports time-based codes (TOTP) works.
tfa-setup-step-scan = Add knowbridge to the app
tfa-setup-qr-caption = Scan this QR code with the app.
tfa-setup-manual = If you cannot scan it, choose to enter a key by hand and type this key:
tfa-setup-step-confirm = Enter the code the app shows
tfa-setup-code-label = Security code
tfa-setup-code-hint = 6 digits. A new code appears every 30 seconds
tfa-setup-submit = Confirm and continue

tfa-recovery-title = Two-factor sign-in is set up
tfa-recovery-lead = If you lose your phone, you can sign in with one of these recovery codes instead of a code from the app.
tfa-recovery-once = Save these codes somewhere safe now, such as a password manager. They will not be shown again, and each code works only once.
tfa-recovery-how = To use one, enter it in the security code box when you sign in.
tfa-recovery-continue = I have saved my codes – continue

tfa-error-code-missing = Enter the security code
tfa-error-code-format = Enter the 6-digit code shown in the app
tfa-error-code-wrong = The code is not right. Check the app and enter the newest code; a code can be used only once
