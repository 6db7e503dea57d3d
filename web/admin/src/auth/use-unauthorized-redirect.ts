import { useEffect } from 'react';
import { useNavigate } from 'react-router';
import { reloadToLogin, setUnauthorizedHandler } from '../api';

const BASENAME = '/admin';

/** The current address as a router location (without the basename), to come back to after login. */
function currentRouterLocation() {
  const { pathname, search, hash } = window.location;
  return { pathname: pathname.startsWith(BASENAME) ? pathname.slice(BASENAME.length) || '/' : pathname, search, hash };
}

/** Sends the user to the login page on any 401, remembering the page to come back to. */
export function useUnauthorizedRedirect(): void {
  const navigate = useNavigate();
  useEffect(() => {
    setUnauthorizedHandler(() => navigate('/login', { replace: true, state: { from: currentRouterLocation() } }));
    return () => setUnauthorizedHandler(reloadToLogin);
  }, [navigate]);
}
