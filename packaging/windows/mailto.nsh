; SPDX-License-Identifier: GPL-3.0-or-later
; Tidings as a mailto: handler and a mail program Windows knows about. Windows 10 and later
; let only the user choose the default handler (Settings > Default apps): an installer that
; overwrote Software\Classes\mailto would be ignored or undone. So this registers a ProgID,
; Tidings.mailto, and the Capabilities that list Tidings under Default apps; the user picks it.
; SHCTX is HKLM for an all-users install, HKCU for a per-user one (SetShellVarContext).
!ifndef TIDINGS_MAILTO_NSH
!define TIDINGS_MAILTO_NSH

!macro TidingsRegisterMailto EXE
  WriteRegStr SHCTX "Software\Classes\Tidings.mailto" "" "Tidings: write a message"
  WriteRegStr SHCTX "Software\Classes\Tidings.mailto" "URL Protocol" ""
  WriteRegStr SHCTX "Software\Classes\Tidings.mailto" "FriendlyTypeName" "Tidings mailto: link"
  WriteRegStr SHCTX "Software\Classes\Tidings.mailto\DefaultIcon" "" '"${EXE}",0'
  WriteRegStr SHCTX "Software\Classes\Tidings.mailto\shell\open\command" "" '"${EXE}" "%1"'
  WriteRegStr SHCTX "Software\Tidings\Capabilities" "ApplicationName" "Tidings"
  WriteRegStr SHCTX "Software\Tidings\Capabilities" "ApplicationDescription" \
    "POP3 mail, SMTP and the Tidings auth client"
  WriteRegStr SHCTX "Software\Tidings\Capabilities\URLAssociations" "mailto" "Tidings.mailto"
  WriteRegStr SHCTX "Software\RegisteredApplications" "Tidings" "Software\Tidings\Capabilities"
  ; The classic list of mail programs (Control Panel, "Send to mail recipient" pickers).
  WriteRegStr SHCTX "Software\Clients\Mail\Tidings" "" "Tidings"
  WriteRegStr SHCTX "Software\Clients\Mail\Tidings\Capabilities\URLAssociations" "mailto" \
    "Tidings.mailto"
  WriteRegStr SHCTX "Software\Clients\Mail\Tidings\shell\open\command" "" '"${EXE}"'
  ; Explorer re-reads associations.
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
!macroend

!macro TidingsUnregisterMailto
  DeleteRegKey SHCTX "Software\Classes\Tidings.mailto"
  DeleteRegKey SHCTX "Software\Tidings\Capabilities"
  DeleteRegKey /ifempty SHCTX "Software\Tidings"
  DeleteRegValue SHCTX "Software\RegisteredApplications" "Tidings"
  DeleteRegKey SHCTX "Software\Clients\Mail\Tidings"
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
!macroend

!endif
