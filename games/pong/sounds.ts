/** Pong sounds in the table's sound notation (docs/api.md "Sound"): the classic blips. */
export const SOUNDS = `
sfx hit   wave=square vol=0.45 speed=4 env=0,0,1,8 : a5
sfx wall  wave=square vol=0.35 speed=3 env=0,0,1,8 : a4
sfx point wave=triangle vol=0.5 speed=6 : e4>c3:3
sfx serve wave=square vol=0.3 speed=2 env=0,0,1,6 : e6
`;
