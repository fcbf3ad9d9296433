export { createUser } from './create-user.js';
export { deactivateUser } from './deactivate-user.js';
export { setUserRole } from './set-user-role.js';
export { signIn } from './sign-in.js';
export { signOut } from './sign-out.js';
