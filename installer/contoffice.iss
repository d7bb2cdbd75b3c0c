; Inno Setup 6 (6.3 or newer) script of the Windows installer of contoffice.
; On Windows: `python scripts\build_installer` (the onedir build in build\installer\dist), then
; `iscc installer\contoffice.iss`; the setup program lands in build\installer.
; AppVersion must be pyproject.toml's version: tests/installer/test_inno_script.py checks it.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "contoffice"

[Setup]
; The AppId ties updates and the uninstaller together: never change it.
AppId={{0240C02C-F15C-4918-B069-4C427422B7DC}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=contoffice
; Installed for the clerk alone, without asking for an administrator (the dialog offers
; "todos os usuários" to whoever is one).
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\build\installer
OutputBaseFilename=contoffice-{#AppVersion}-windows-x64-setup
SetupIconFile=..\build\installer\contoffice.ico
UninstallDisplayIcon={app}\contofficew.exe
Compression=lzma2
SolidCompression=yes
WizardStyle=modern

[Languages]
Name: "brazilianportuguese"; MessagesFile: "compiler:Languages\BrazilianPortuguese.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; The whole onedir build: contoffice.exe (command line), contofficew.exe (window), _internal\.
Source: "..\build\installer\dist\contoffice\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\contofficew.exe"; Comment: "Escritório contábil: clientes, contratos, boletos e NFS-e"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\contofficew.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\contofficew.exe"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

; No [UninstallDelete]: the uninstaller removes only the program's files. The office's data
; (%LOCALAPPDATA%\contoffice: the database, settings, backups, logs) stays for a reinstall.
