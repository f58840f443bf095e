// Types of typescript.cjs: the `ts` namespace of ts-morph, as value and types.
import { ts } from 'ts-morph';
export = ts;
