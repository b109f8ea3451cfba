; Yardstick's per-user Windows installer (makensis from Debian's nsis package), made by
; scripts/build-windows.sh:  makensis -DVERSION=X.Y.Z -DSTAGE=<folder to install> -DOUTFILE=<setup.exe>
; It needs no administrator rights: it installs into %LOCALAPPDATA%\Programs\Yardstick and writes
; only to the current user's registry and Start menu. No file association: bundles, answer files
; and frameworks are plain .json files, which Yardstick must not take over from the user's editor.
Unicode true
; 64-bit installer stub (also what Debian's wine64 can run: it has no 32-bit Wine).
Target amd64-unicode

!ifndef VERSION
  !error "pass -DVERSION=X.Y.Z"
!endif
!ifndef STAGE
  !error "pass -DSTAGE=<folder holding yardstick.exe, yardstick-cli.exe and the data folders>"
!endif
!ifndef OUTFILE
  !define OUTFILE "yardstick-${VERSION}-setup.exe"
!endif
!ifndef ICON
  !define ICON "${STAGE}\yardstick.ico"
!endif

!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\Yardstick"

!include "MUI2.nsh"
!include "x64.nsh"

Name "Yardstick ${VERSION}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\Yardstick"
InstallDirRegKey HKCU "Software\Yardstick\Installer" "InstallDir"
RequestExecutionLevel user
SetCompressor /SOLID lzma
BrandingText "Yardstick ${VERSION}"
VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=1033 "ProductName" "Yardstick"
VIAddVersionKey /LANG=1033 "FileDescription" "Yardstick ${VERSION} setup"
VIAddVersionKey /LANG=1033 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=1033 "ProductVersion" "${VERSION}"

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_FINISHPAGE_RUN "$INSTDIR\yardstick.exe"
!define MUI_FINISHPAGE_RUN_TEXT "Start Yardstick"
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "English"

Function .onInit
  ${IfNot} ${RunningX64}
    MessageBox MB_OK|MB_ICONSTOP "Yardstick needs 64-bit Windows."
    Abort
  ${EndIf}
  SetShellVarContext current
  SetRegView 64
FunctionEnd

Function un.onInit
  SetShellVarContext current
  SetRegView 64
FunctionEnd

Section "Yardstick"
  SetOutPath "$INSTDIR"
  File "${STAGE}\yardstick.exe"
  File "${STAGE}\yardstick-cli.exe"
  File "${STAGE}\yardstick.ico"
  File "${STAGE}\README.txt"
  SetOutPath "$INSTDIR\frameworks"
  File /r "${STAGE}\frameworks\*"
  SetOutPath "$INSTDIR\questionnaires"
  File /r "${STAGE}\questionnaires\*"
  SetOutPath "$INSTDIR\reports"
  File /r "${STAGE}\reports\*"
  SetOutPath "$INSTDIR\examples"
  File /r "${STAGE}\examples\*"
  SetOutPath "$INSTDIR\guide"
  File /r "${STAGE}\guide\*"
  SetOutPath "$INSTDIR\fonts"
  File /r "${STAGE}\fonts\*"
  SetOutPath "$INSTDIR"

  WriteUninstaller "$INSTDIR\uninstall.exe"
  WriteRegStr HKCU "Software\Yardstick\Installer" "InstallDir" "$INSTDIR"
  CreateShortcut "$SMPROGRAMS\Yardstick.lnk" "$INSTDIR\yardstick.exe" "" "$INSTDIR\yardstick.exe" 0

  ; Settings > Apps lists it for this user
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "Yardstick"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "Yardstick"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\yardstick.exe,0"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
SectionEnd

; Removes what the installer wrote, and nothing else: databases, settings and reports under
; %APPDATA%\Yardstick and the user's documents stay.
Section "Uninstall"
  Delete "$SMPROGRAMS\Yardstick.lnk"
  Delete "$INSTDIR\yardstick.exe"
  Delete "$INSTDIR\yardstick-cli.exe"
  Delete "$INSTDIR\yardstick.ico"
  Delete "$INSTDIR\README.txt"
  RMDir /r "$INSTDIR\frameworks"
  RMDir /r "$INSTDIR\questionnaires"
  RMDir /r "$INSTDIR\reports"
  RMDir /r "$INSTDIR\examples"
  RMDir /r "$INSTDIR\guide"
  RMDir /r "$INSTDIR\fonts"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
  DeleteRegKey HKCU "Software\Yardstick\Installer"
  ; the application's own settings (if any) are the user's: the key goes only when empty
  DeleteRegKey /ifempty HKCU "Software\Yardstick"
SectionEnd
