/**
 * Where the real set comes from: Debian packages that ship music the project did not compose, their
 * licences (from /usr/share/doc/<package>/copyright) and how each kind is labelled (LABELS.md, "Real set").
 * Never add LMMS's demo projects or openttd-openmsx here: an independent check uses them.
 */
/** module: tracker file; midi: MIDI file; wad: the MIDI music lumps of a Doom WAD; hydrogen: a Hydrogen drum-machine song. */
export type SourceKind = 'module' | 'midi' | 'wad' | 'hydrogen' | 'recorded';

export type Source = {
  package: string;
  licence: string;
  kind: SourceKind;
  /** Files (modules, MIDI, WADs, Hydrogen songs) or song folders (recorded), absolute. */
  glob: { dir: string; match: RegExp };
  genre: string;
  /** Fold for cross-validation: whole packages stay in one fold, so no composer is in both parts. */
  fold: number;
};

export const FOLDS = 11;

export const SOURCES: Source[] = [
  {
    package: 'tecnoballz-data',
    licence: 'GPL-3+ (TLK Games)',
    kind: 'module',
    glob: { dir: '/usr/share/games/tecnoballz/musics', match: /\.mod$/ },
    genre: 'tracker game music',
    fold: 0,
  },
  {
    package: 'pingus-data',
    licence: 'GPL-2+',
    kind: 'module',
    glob: { dir: '/usr/share/games/pingus/data/music', match: /\.(it|s3m)$/ },
    genre: 'tracker game music',
    fold: 1,
  },
  {
    package: 'circuslinux-data',
    licence: 'GPL (New Breed Software)',
    kind: 'module',
    glob: { dir: '/usr/share/games/circuslinux/data/music', match: /\.mod$/ },
    genre: 'tracker game music',
    fold: 2,
  },
  {
    package: 'open-invaders-data',
    licence: 'GPL-2+ (Darryl LeCount)',
    kind: 'module',
    glob: { dir: '/usr/share/open-invaders', match: /\.mod$/ },
    genre: 'tracker game music',
    fold: 2,
  },
  {
    package: 'tuxmath-data',
    licence: 'GPL-3+ (Tux4Kids)',
    kind: 'module',
    glob: { dir: '/usr/share/tuxmath/sounds', match: /\.mod$/ },
    genre: 'tracker game music',
    fold: 3,
  },
  {
    package: 'njam-data',
    licence: 'GPL-2+ (Milan Babuskov)',
    kind: 'module',
    glob: { dir: '/usr/share/games/njam/data', match: /\.(xm|s3m)$/ },
    genre: 'tracker game music',
    fold: 4,
  },
  {
    package: 'fb-music-high',
    licence: 'GPL-2+ (Frozen-Bubble, Matthias Le Bidan)',
    kind: 'module',
    glob: { dir: '/usr/share/games/frozen-bubble/snd', match: /\.xm$/ },
    genre: 'tracker game music',
    fold: 4,
  },
  {
    package: 'planetblupi-music-midi',
    licence: 'GPL-3+ (EPSITEC SA, Daniel Roux)',
    kind: 'midi',
    glob: { dir: '/usr/share/planetblupi/music', match: /\.mid$/ },
    genre: 'game score (MIDI, TimGM6mb)',
    fold: 3,
  },
  {
    package: 'fretsonfire-songs-muldjord',
    licence: 'CC BY-SA 3.0 (El Senator)',
    kind: 'recorded',
    glob: { dir: '/usr/share/games/fretsonfire/data/songs/muldjord', match: /^[^.]+$/ },
    genre: 'metal (recorded)',
    fold: 2,
  },
  {
    package: 'fretsonfire-songs-sectoid',
    licence: 'GPL (Sectoid)',
    kind: 'recorded',
    glob: { dir: '/usr/share/games/fretsonfire/data/songs/sectoid', match: /^[^.]+$/ },
    genre: 'rock (recorded)',
    fold: 4,
  },
  {
    // hydrogen-drumkits' one demo song (ColomboAcousticDrumkit) plays as silence in Debian's Hydrogen 1.2 beta.
    package: 'hydrogen-data',
    licence: 'GPL-2+ (the Hydrogen development team)',
    kind: 'hydrogen',
    glob: { dir: '/usr/share/hydrogen/data/demo_songs', match: /\.h2song$/ },
    genre: 'drum programming (Hydrogen, sampled kits)',
    fold: 4,
  },
  {
    package: 'freedoom',
    licence: 'BSD-3-Clause (Contributors to the Freedoom project)',
    kind: 'wad',
    glob: { dir: '/usr/share/games/doom', match: /^freedoom[12]\.wad$/ },
    genre: 'game score (MIDI, TimGM6mb)',
    fold: 5,
  },
  {
    package: 'freedroid-data',
    licence: 'GPL-2+ (Johannes Prix, Reinhard Prix and others)',
    kind: 'module',
    glob: { dir: '/usr/share/games/freedroid/sound', match: /\.mod$/ },
    genre: 'tracker game music',
    fold: 6,
  },
  {
    package: 'heroes-sound-tracks',
    licence: 'GPL-2+ (Alexandre Duret-Lutz, Romuald Genevois, Alexandre Liverneaux, Philippe Meisburger)',
    kind: 'module',
    glob: { dir: '/usr/share/games/heroes/mod', match: /\.xm$/ },
    genre: 'tracker game music',
    fold: 7,
  },
  {
    package: 'biniax2-data',
    licence: 'Zlib (Jordan Tuzsuzov)',
    kind: 'module',
    glob: { dir: '/usr/share/games/biniax2/music', match: /\.it$/ },
    genre: 'tracker game music',
    fold: 8,
  },
  {
    package: 'bomberclone-data',
    licence: 'GPL-2 (Steffen Pohle, Patrick Wilczek, TekkRat)',
    kind: 'module',
    glob: { dir: '/usr/share/games/bomberclone/music', match: /\.(xm|mod)$/ },
    genre: 'tracker game music',
    fold: 9,
  },
  {
    package: 'ceferino-data',
    licence: 'GPL-2+ (Hugo Ruscitti and others)',
    kind: 'module',
    glob: { dir: '/usr/share/games/ceferino/music', match: /\.xm$/ },
    genre: 'tracker game music',
    fold: 9,
  },
  {
    package: 'gweled',
    licence: 'GPL-2+ (Sebastien Delestaing, Daniele Napolitano)',
    kind: 'module',
    glob: { dir: '/usr/share/sounds/gweled', match: /\.s3m$/ },
    genre: 'tracker game music',
    fold: 9,
  },
  {
    package: 'criticalmass-data',
    licence: 'GPL-2+ (Frank Becker)',
    kind: 'module',
    glob: { dir: '/usr/share/games/criticalmass', match: /\.xm$/ },
    genre: 'tracker game music',
    fold: 9,
  },
  {
    // pachi's copyright names Peter Hajba (Skaven); penguin-command's Ice Frontier may be his too: one fold.
    package: 'pachi-data',
    licence: 'GPL-2+ (Santiago and Nicolas Radeff, Peter Hajba)',
    kind: 'module',
    glob: { dir: '/usr/share/pachi/music', match: /\.(s3m|stm)$/ },
    genre: 'tracker game music',
    fold: 10,
  },
  {
    package: 'penguin-command',
    licence: 'GPL-2+ (Karl Bartel)',
    kind: 'module',
    glob: { dir: '/usr/share/games/penguin-command/sound', match: /\.s3m$/ },
    genre: 'tracker game music',
    fold: 10,
  },
  {
    package: 'ri-li-data',
    licence: 'GPL-2 or GPL-3 (Dominique Roux-Serret, Maf464)',
    kind: 'module',
    glob: { dir: '/usr/share/games/ri-li/Ri-li/Sounds', match: /\.(xm|mod)$/ },
    genre: 'tracker game music',
    fold: 10,
  },
];

/** Packages the installer adds besides the sources: renderers (h2cli is in hydrogen) and the MIDI soundfont (not FluidR3_GM). */
export const TOOLS = ['xmp', 'fluidsynth', 'timgm6mb-soundfont', 'ffmpeg', 'bsdutils', 'hydrogen'];
export const SOUNDFONT = '/usr/share/sounds/sf2/TimGM6mb.sf2';
